{{/*
The rules the operator needs on the namespaces it watches, in one place. The ClusterRole (all
namespaces) and the Roles (watchNamespaces) both render these. Each rule says what it is for;
keep them in step with the operator's API calls.
*/}}
{{- define "scaledapi-operator.rbacRules" -}}
# Watch ScaledApis (the JOSDK informer lists, then watches; it never gets one by name).
- apiGroups: ["autoscaling.scaledapi.io"]
  resources: ["scaledapis"]
  verbs: ["list", "watch"]
# Write ScaledApi status (conditions, signals, forecast): a patch, server-side apply or JSON.
- apiGroups: ["autoscaling.scaledapi.io"]
  resources: ["scaledapis/status"]
  verbs: ["patch"]
# Cache Deployments and StatefulSets in informers: a poll reads their replicas and readyReplicas
# there instead of asking the API server.
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["list", "watch"]
# Read ReplicaSet targets (readyReplicas), which are not cached.
- apiGroups: ["apps"]
  resources: ["replicasets"]
  verbs: ["get"]
# Read and set the replicas of the scale targets through /scale (for the cached kinds, read only
# when the cache does not hold the target: created a moment ago, or gone).
- apiGroups: ["apps"]
  resources: ["deployments/scale", "statefulsets/scale", "replicasets/scale"]
  verbs: ["get", "update"]
# Cache HorizontalPodAutoscalers in an informer, to find one that already targets the workload
# (ConflictingHPA).
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "watch"]
# Report decisions and failures as Events (each one created, never updated).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
# Read Prometheus credentials (spec.prometheus.auth) and CA bundles from the ScaledApi's namespace.
# RBAC cannot filter on labels: the operator uses only those labelled
# scaledapi.io/prometheus-credentials=true. watchNamespaces limits this to the listed namespaces.
- apiGroups: [""]
  resources: ["secrets", "configmaps"]
  verbs: ["get"]
{{- range .Values.rbac.extraScaleTargets }}
# Extra scale target from rbac.extraScaleTargets.
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ .resource | quote }}]
  verbs: ["get"]
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ printf "%s/scale" .resource | quote }}]
  verbs: ["get", "update"]
{{- end }}
{{- end }}

{{/*
The rules for leader election, granted in the release namespace only.
*/}}
{{- define "scaledapi-operator.leaderElectionRules" -}}
# Acquire and renew the leader-election Lease: fabric8 renews it with a patch, and the operator
# framework checks at start-up for get, create and update on leases in one rule.
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update", "patch"]
{{- end }}
