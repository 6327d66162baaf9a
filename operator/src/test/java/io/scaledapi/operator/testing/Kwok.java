package io.scaledapi.operator.testing;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What KWOK is given: its pod stages and the fake nodes it manages. The stages are KWOK's own
 * "fast" pod stages (kustomize/stage/pod/fast) with a delay on pod-ready that counts from the pod's
 * creation; KWOK's default node stages keep the nodes Ready and their leases renewed.
 */
final class Kwok {
  /** The annotation that marks a node as KWOK's, as kwokctl's node template sets it. */
  static final String NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private Kwok() {}

  /** The flags kwokctl's binary runtime gives the kwok controller, less its server. */
  static List<String> flags(String kubeconfig, String config) {
    return List.of(
        "--kubeconfig=" + kubeconfig,
        "--config=" + config,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + NODE_ANNOTATION + "=fake",
        "--node-lease-duration-seconds=40");
  }

  /**
   * The pod stages: Ready in the second after {@code delay} has passed since the pod was created
   * (its creationTimestamp has whole seconds; a pod seen later than that is made Ready at once),
   * and gone once deleted. Pods run until deleted.
   */
  static String podStages(Duration delay) {
    long seconds = delay.toSeconds() + 1;
    return """
        apiVersion: kwok.x-k8s.io/v1alpha1
        kind: Stage
        metadata:
          name: pod-ready
        spec:
          resourceRef:
            apiGroup: v1
            kind: Pod
          selector:
            matchExpressions:
            - key: '.metadata.deletionTimestamp'
              operator: 'DoesNotExist'
            - key: '.status.podIP'
              operator: 'DoesNotExist'
          delay:
            durationMilliseconds: %1$d
            durationFrom:
              expressionFrom: '.metadata.creationTimestamp | fromdateiso8601 + %2$d | todateiso8601'
          next:
            statusTemplate: |
              {{ $now := Now }}
              conditions:
              - lastTransitionTime: {{ $now | Quote }}
                status: "True"
                type: Initialized
              - lastTransitionTime: {{ $now | Quote }}
                status: "True"
                type: Ready
              - lastTransitionTime: {{ $now | Quote }}
                status: "True"
                type: ContainersReady
              containerStatuses:
              {{ range .spec.containers }}
              - image: {{ .image | Quote }}
                name: {{ .name | Quote }}
                ready: true
                restartCount: 0
                state:
                  running:
                    startedAt: {{ $now | Quote }}
              {{ end }}
              hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
              podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
              phase: Running
              startTime: {{ $now | Quote }}
        ---
        apiVersion: kwok.x-k8s.io/v1alpha1
        kind: Stage
        metadata:
          name: pod-delete
        spec:
          resourceRef:
            apiGroup: v1
            kind: Pod
          selector:
            matchExpressions:
            - key: '.metadata.deletionTimestamp'
              operator: 'Exists'
          next:
            finalizers:
              empty: true
            delete: true
        """
        .formatted(delay.toMillis(), seconds);
  }

  /** Fake node {@code index}, as kwokctl's node template makes it: 32 CPUs, 256Gi, 110 pods. */
  static Node node(String name, int index) {
    Map<String, Quantity> resources =
        Map.of(
            "cpu",
            new Quantity("32"),
            "memory",
            new Quantity("256Gi"),
            "pods",
            new Quantity("110"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToAnnotations(NODE_ANNOTATION, "fake")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels("type", "kwok")
        .endMetadata()
        .withNewSpec()
        .withPodCIDR("10.0." + index + ".0/24")
        .endSpec()
        .withNewStatus()
        .withAllocatable(resources)
        .withCapacity(resources)
        .endStatus()
        .build();
  }
}
