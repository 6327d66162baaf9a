package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Scalable;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.PrometheusTlsSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.testing.PodTemplates;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every path of the operator that reaches the API server, in one namespace of a real API server:
 * scale-ups through {@code /scale} of a Deployment (with a bearer token from a Secret), a
 * StatefulSet and a ReplicaSet, a CA bundle from a ConfigMap, a target that does not exist; each
 * reports status and events; Deployments, StatefulSets and HPAs are watched. {@code admin} is the
 * test's own client.
 */
record RbacScenario(
    KubernetesClient admin, TestExporter exporter, URI prometheus, Set<String> namespaces)
    implements AutoCloseable {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration DEADLINE = Duration.ofSeconds(30);

  /**
   * The ScaledApis, by name: each names the workload of the same name, but "gone" and "gone-db"
   * name a Deployment and a StatefulSet that do not exist.
   */
  static final List<String> SCALED_APIS = List.of("api", "tls", "gone", "gone-db", "db", "rs");

  static RbacScenario of(KubernetesClient admin, TestExporter exporter, URI prometheus) {
    return new RbacScenario(admin, exporter, prometheus, ConcurrentHashMap.newKeySet());
  }

  /** Creates {@code ns} if missing, and the workloads, Secret, ConfigMap and ScaledApis in it. */
  void create(String ns) {
    namespaces.add(ns);
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .serverSideApply();
    // the chart isolates namespaces by default: the series carry the namespace label, as
    // Kubernetes service discovery gives them
    exporter.set(GAUGE, Map.of("app", ns, "namespace", ns), 95);
    Map<String, String> optIn = Map.of(PrometheusSources.OPT_IN_LABEL, "true");
    admin
        .resource(
            new SecretBuilder()
                .withMetadata(meta(ns, "prom-token", optIn))
                .withStringData(Map.of("token", "t"))
                .build())
        .create();
    // read, though a CA bundle is only used for an https address
    admin
        .resource(
            new ConfigMapBuilder()
                .withMetadata(meta(ns, "prom-ca", optIn))
                .withData(Map.of("ca.crt", "-----BEGIN CERTIFICATE-----"))
                .build())
        .create();
    for (String name : List.of("api", "tls")) {
      admin
          .resource(
              new DeploymentBuilder()
                  .withMetadata(meta(ns, name, Map.of()))
                  .withNewSpec()
                  .withReplicas(1)
                  .withSelector(selector(name))
                  .withTemplate(PodTemplates.labelled(Map.of("app", name)))
                  .endSpec()
                  .build())
          .create();
    }
    admin
        .resource(
            new StatefulSetBuilder()
                .withMetadata(meta(ns, "db", Map.of()))
                .withNewSpec()
                .withReplicas(1)
                .withServiceName("db")
                .withSelector(selector("db"))
                .withTemplate(PodTemplates.labelled(Map.of("app", "db")))
                .endSpec()
                .build())
        .create();
    admin
        .resource(
            new ReplicaSetBuilder()
                .withMetadata(meta(ns, "rs", Map.of()))
                .withNewSpec()
                .withReplicas(1)
                .withSelector(selector("rs"))
                .withTemplate(PodTemplates.labelled(Map.of("app", "rs")))
                .endSpec()
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
    create(ns, "api", spec(ns, "Deployment", "api", bearer));
    create(ns, "tls", spec(ns, "Deployment", "tls", ca));
    create(ns, "gone", spec(ns, "Deployment", "no-such-api", null));
    create(ns, "gone-db", spec(ns, "StatefulSet", "no-such-db", null));
    create(ns, "db", spec(ns, "StatefulSet", "db", null));
    create(ns, "rs", spec(ns, "ReplicaSet", "rs", null));
  }

  /** Waits until the operator has done its whole job in {@code ns}. */
  void awaitDone(String ns) {
    for (String name : List.of("api", "tls", "db", "rs")) {
      await(ns + "/" + name + " scaled to 10")
          .atMost(DEADLINE)
          .until(() -> replicas(ns, name) == 10);
    }
    for (String name : SCALED_APIS) {
      await(ns + "/" + name + " has a status")
          .atMost(DEADLINE)
          .until(() -> status(ns, name) != null);
    }
    await(ns + " has a TargetNotFound event")
        .atMost(DEADLINE)
        .until(() -> !events(ns, "gone").isEmpty());
    assertThat(events(ns, "api")).extracting(Event::getReason).contains("Rescaled");
  }

  /**
   * Deletes the ScaledApis it created (the operator adds no finalizer), so that no operator of a
   * later test acts on them; the namespaces stay, as no namespace controller would empty them.
   */
  @Override
  public void close() {
    namespaces.forEach(ns -> admin.resources(ScaledApi.class).inNamespace(ns).delete());
  }

  ScaledApiStatus status(String ns, String name) {
    ScaledApi sapi = admin.resources(ScaledApi.class).inNamespace(ns).withName(name).get();
    return sapi == null ? null : sapi.getStatus();
  }

  /** The events recorded on ScaledApi {@code name}. */
  List<Event> events(String ns, String name) {
    return admin.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "ScaledApi".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  /** {@code spec.replicas} of the workload {@code name}, whatever its kind. */
  int replicas(String ns, String name) {
    Scalable<?> workload =
        switch (name) {
          case "db" -> admin.apps().statefulSets().inNamespace(ns).withName(name);
          case "rs" -> admin.apps().replicaSets().inNamespace(ns).withName(name);
          default -> admin.apps().deployments().inNamespace(ns).withName(name);
        };
    return workload.scale().getSpec().getReplicas();
  }

  private void create(String ns, String name, ScaledApiSpec spec) {
    ScaledApi sapi = TestScaledApis.scaledApi(ns, spec);
    sapi.getMetadata().setName(name);
    admin.resource(sapi).create();
  }

  private static ObjectMeta meta(String ns, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder().withNamespace(ns).withName(name).withLabels(labels).build();
  }

  private static LabelSelector selector(String app) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of("app", app)).build();
  }

  private static ScaledApiSpec spec(
      String app, String kind, String target, PrometheusSpec prometheus) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", kind, target),
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
