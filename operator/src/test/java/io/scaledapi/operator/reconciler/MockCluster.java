package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.rbac.ApiCallLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the reconciler ITs do to and read from the mock API server; each ScaledApi is "api". The
 * test works through {@code client}; operators get {@code operatorClient}, whose calls land in
 * {@code log}.
 */
record MockCluster(KubernetesClient client, ApiCallLog log, KubernetesClient operatorClient)
    implements AutoCloseable {

  static MockCluster of(KubernetesClient client) {
    ApiCallLog log = new ApiCallLog();
    return new MockCluster(client, log, log.client(client));
  }

  /** An operator on this cluster with {@code prometheus} as the default source, started. */
  ScaledApiOperator startOperator(URI prometheus, Clock clock) {
    return startOperator(prometheus, clock, List.of());
  }

  /**
   * An operator on this cluster with {@code prometheus} as the default source and ScaledApis
   * allowed to name {@code allowed} too, started.
   */
  ScaledApiOperator startOperator(URI prometheus, Clock clock, List<URI> allowed) {
    return startOperator(prometheus, clock, allowed, new SimpleMeterRegistry());
  }

  /** The same, recording the operator's own metrics in {@code registry}. */
  ScaledApiOperator startOperator(
      URI prometheus, Clock clock, List<URI> allowed, MeterRegistry registry) {
    return startOperator(
        new ScaledApiOperator.Settings(
                Optional.of(prometheus),
                Set.of(),
                Optional.empty(),
                false, // the mock API server refuses server-side apply with 415
                clock,
                "it")
            .withAllowedPrometheus(allowed),
        registry);
  }

  ScaledApiOperator startOperator(ScaledApiOperator.Settings settings) {
    return startOperator(settings, new SimpleMeterRegistry());
  }

  /** An operator with these settings, recording its own metrics in {@code registry}, started. */
  ScaledApiOperator startOperator(ScaledApiOperator.Settings settings, MeterRegistry registry) {
    ScaledApiOperator operator = ScaledApiOperator.create(operatorClient, settings, registry);
    operator.start();
    return operator;
  }

  /** Closes the operators' client and adds the calls they made to the union of all ITs. */
  @Override
  public void close() {
    operatorClient.close();
    log.addToUnion();
  }

  void createDeployment(String ns, String name, int replicas) {
    ensureNamespace(ns);
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("api")
            .withImage("example/api:1")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(ns).resource(d).create();
  }

  void createScaledApi(String ns, ScaledApiSpec spec) {
    createScaledApi(ns, "api", spec);
  }

  void createScaledApi(String ns, String name, ScaledApiSpec spec) {
    ensureNamespace(ns);
    ScaledApi sapi = TestScaledApis.scaledApi(ns, spec);
    sapi.getMetadata().setName(name);
    client.resources(ScaledApi.class).inNamespace(ns).resource(sapi).create();
  }

  void deleteScaledApi(String ns) {
    deleteScaledApi(ns, "api");
  }

  void deleteScaledApi(String ns, String name) {
    client.resources(ScaledApi.class).inNamespace(ns).withName(name).delete();
  }

  void ensureNamespace(String ns) {
    if (client.namespaces().withName(ns).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  int replicas(String ns, String name) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
    return d.getSpec().getReplicas();
  }

  ScaledApiStatus status(String ns) {
    return status(ns, "api");
  }

  ScaledApiStatus status(String ns, String name) {
    ScaledApi sapi = client.resources(ScaledApi.class).inNamespace(ns).withName(name).get();
    return sapi == null ? null : sapi.getStatus();
  }

  void awaitStatus(String ns, java.util.function.Consumer<ScaledApiStatus> check) {
    awaitStatus(ns, "api", check);
  }

  void awaitStatus(String ns, String name, java.util.function.Consumer<ScaledApiStatus> check) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ScaledApiStatus s = status(ns, name);
              assertThat(s).as("status of %s/%s", ns, name).isNotNull();
              check.accept(s);
            });
  }

  static Condition condition(ScaledApiStatus s, String type) {
    return Conditions.find(s.conditions(), type)
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + s.conditions()));
  }

  List<Event> events(String ns, String reason) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }
}
