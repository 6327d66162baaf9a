package io.scaledapi.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.PrometheusTlsSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Drives the operator through every path that reaches the API server, in one namespace: scale-ups
 * through {@code /scale} of a Deployment (with a bearer token from a Secret), a StatefulSet and a
 * ReplicaSet, a CA bundle from a ConfigMap, a target that does not exist; each reports status and
 * events; Deployments, StatefulSets and HPAs are watched.
 */
record RbacScenario(MockCluster cluster, TestExporter exporter, URI prometheus) {
  static final String GAUGE = "api_queue_requests_waiting";

  void run(String ns) {
    // the chart isolates namespaces by default: the series carry the namespace label, as
    // Kubernetes service discovery gives them
    exporter.set(GAUGE, Map.of("app", ns, "namespace", ns), 95);
    cluster.createDeployment(ns, "api", 1);
    cluster
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prom-token")
                .withLabels(Map.of(PrometheusSources.OPT_IN_LABEL, "true"))
                .endMetadata()
                .withStringData(Map.of("token", "t"))
                .build())
        .create();
    PrometheusSpec bearer =
        new PrometheusSpec(
            prometheus.toString(),
            new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null),
            null,
            "2s");
    PrometheusSpec ca =
        new PrometheusSpec(
            prometheus.toString(),
            null,
            new PrometheusTlsSpec(new CaSource(null, "prom-ca", null)),
            "2s");
    // one ScaledApi per workload: a second on Deployment "api" would hold without reading anything
    cluster.createDeployment(ns, "tls", 1);
    create(ns, "api", spec(ns, "api", bearer));
    create(ns, "tls", spec(ns, "tls", ca));
    create(ns, "gone", spec(ns, "no-such-api", null));
    cluster
        .client()
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build())
        .create();
    cluster
        .client()
        .apps()
        .replicaSets()
        .inNamespace(ns)
        .resource(
            new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("rs")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build())
        .create();
    create(ns, "db", spec(ns, new ScaleTargetRef("apps/v1", "StatefulSet", "db"), null));
    create(ns, "rs", spec(ns, new ScaleTargetRef("apps/v1", "ReplicaSet", "rs"), null));
    awaitThat(ns + "/api scaled to 10", () -> cluster.replicas(ns, "api") == 10);
    awaitThat(
        ns + "/db scaled to 10",
        () ->
            cluster
                    .client()
                    .apps()
                    .statefulSets()
                    .inNamespace(ns)
                    .withName("db")
                    .get()
                    .getSpec()
                    .getReplicas()
                == 10);
    awaitThat(
        ns + "/rs scaled to 10",
        () ->
            cluster
                    .client()
                    .apps()
                    .replicaSets()
                    .inNamespace(ns)
                    .withName("rs")
                    .get()
                    .getSpec()
                    .getReplicas()
                == 10);
    awaitThat(ns + "/tls has a status", () -> status(ns, "tls"));
    awaitThat(ns + "/gone has a status", () -> status(ns, "gone"));
    awaitThat(
        ns + " has a TargetNotFound event", () -> !cluster.events(ns, "TargetNotFound").isEmpty());
  }

  private static void awaitThat(String what, Callable<Boolean> condition) {
    await().alias(what).atMost(Duration.ofSeconds(20)).until(condition);
  }

  private void create(String ns, String name, ScaledApiSpec spec) {
    ScaledApi sapi = TestScaledApis.scaledApi(ns, spec);
    sapi.getMetadata().setName(name);
    cluster.client().resources(ScaledApi.class).inNamespace(ns).resource(sapi).create();
  }

  private boolean status(String ns, String name) {
    ScaledApi sapi =
        cluster.client().resources(ScaledApi.class).inNamespace(ns).withName(name).get();
    return sapi != null && sapi.getStatus() != null;
  }

  private static ScaledApiSpec spec(String app, String target, PrometheusSpec prometheus) {
    return spec(app, new ScaleTargetRef("apps/v1", "Deployment", target), prometheus);
  }

  private static ScaledApiSpec spec(String app, ScaleTargetRef target, PrometheusSpec prometheus) {
    return new ScaledApiSpec(
        target,
        1,
        20,
        "1s",
        prometheus,
        new QueueSpec("sum(" + GAUGE + "{app=\"" + app + "\"})", 10.0),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        Mode.ENFORCE,
        false);
  }
}
