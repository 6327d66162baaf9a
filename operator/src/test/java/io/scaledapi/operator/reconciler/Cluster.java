package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.rbac.ApiCallLog;
import io.scaledapi.operator.testing.PodTemplates;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the reconciler ITs do to and read from an API server ({@link RealCluster}, or {@link
 * MockCluster}); each ScaledApi is "api" unless named. The test works through {@code client};
 * operators get {@code operatorClient}, whose calls land in {@code log}.
 */
interface Cluster extends AutoCloseable {
  KubernetesClient client();

  ApiCallLog log();

  KubernetesClient operatorClient();

  /** The namespaces the cluster's operators watch; empty for all. */
  Set<String> watched();

  /** Makes sure the namespace exists before the test puts something in it. */
  void ensureNamespace(String ns);

  /** Closes the operators' client and adds the calls they made to the union of all ITs. */
  @Override
  void close();

  /** Settings of an operator watching {@link #watched()}, with {@code prometheus} as default. */
  default ScaledApiOperator.Settings settings(URI prometheus, Clock clock) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus), watched(), Optional.empty(), clock, "it");
  }

  /** An operator on this cluster with {@code prometheus} as the default source, started. */
  default ScaledApiOperator startOperator(URI prometheus, Clock clock) {
    return startOperator(prometheus, clock, List.of());
  }

  /**
   * An operator on this cluster with {@code prometheus} as the default source and ScaledApis
   * allowed to name {@code allowed} too, started.
   */
  default ScaledApiOperator startOperator(URI prometheus, Clock clock, List<URI> allowed) {
    return startOperator(prometheus, clock, allowed, new SimpleMeterRegistry());
  }

  /** The same, recording the operator's own metrics in {@code registry}. */
  default ScaledApiOperator startOperator(
      URI prometheus, Clock clock, List<URI> allowed, MeterRegistry registry) {
    return startOperator(settings(prometheus, clock).withAllowedPrometheus(allowed), registry);
  }

  default ScaledApiOperator startOperator(ScaledApiOperator.Settings settings) {
    return startOperator(settings, new SimpleMeterRegistry());
  }

  /** An operator with these settings, recording its own metrics in {@code registry}, started. */
  default ScaledApiOperator startOperator(
      ScaledApiOperator.Settings settings, MeterRegistry registry) {
    ScaledApiOperator operator = ScaledApiOperator.create(operatorClient(), settings, registry);
    operator.start();
    return operator;
  }

  default void createDeployment(String ns, String name, int replicas) {
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
            .withTemplate(PodTemplates.labelled(Map.of("app", name)))
            .endSpec()
            .build();
    client().apps().deployments().inNamespace(ns).resource(d).create();
  }

  default void createScaledApi(String ns, ScaledApiSpec spec) {
    createScaledApi(ns, "api", spec);
  }

  default void createScaledApi(String ns, String name, ScaledApiSpec spec) {
    ensureNamespace(ns);
    ScaledApi sapi = TestScaledApis.scaledApi(ns, spec);
    sapi.getMetadata().setName(name);
    client().resources(ScaledApi.class).inNamespace(ns).resource(sapi).create();
  }

  default void deleteScaledApi(String ns) {
    deleteScaledApi(ns, "api");
  }

  default void deleteScaledApi(String ns, String name) {
    client().resources(ScaledApi.class).inNamespace(ns).withName(name).delete();
  }

  default int replicas(String ns, String name) {
    Deployment d = client().apps().deployments().inNamespace(ns).withName(name).get();
    return d.getSpec().getReplicas();
  }

  default ScaledApiStatus status(String ns) {
    return status(ns, "api");
  }

  default ScaledApiStatus status(String ns, String name) {
    ScaledApi sapi = client().resources(ScaledApi.class).inNamespace(ns).withName(name).get();
    return sapi == null ? null : sapi.getStatus();
  }

  default void awaitStatus(String ns, Consumer<ScaledApiStatus> check) {
    awaitStatus(ns, "api", check);
  }

  default void awaitStatus(String ns, String name, Consumer<ScaledApiStatus> check) {
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

  /** Waits until Deployment "api" has {@code replicas} replicas in its spec. */
  default void awaitReplicas(String ns, int replicas) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(replicas(ns, "api")).isEqualTo(replicas));
  }

  /** Status caught up with the spec and the target: generation, replicas, conditions True. */
  default void awaitConverged(String ns, int replicas) {
    awaitStatus(
        ns,
        s -> {
          long generation =
              client()
                  .resources(ScaledApi.class)
                  .inNamespace(ns)
                  .withName("api")
                  .get()
                  .getMetadata()
                  .getGeneration();
          assertThat(s.observedGeneration()).isEqualTo(generation);
          assertThat(s.currentReplicas()).isEqualTo(replicas);
          assertThat(s.desiredReplicas()).isEqualTo(replicas);
          for (String type :
              List.of(Conditions.READY, Conditions.METRICS_AVAILABLE, Conditions.SCALING_ACTIVE)) {
            assertThat(condition(s, type).getStatus()).as(type).isEqualTo("True");
            assertThat(condition(s, type).getObservedGeneration()).as(type).isEqualTo(generation);
          }
        });
  }

  static Condition condition(ScaledApiStatus s, String type) {
    return Conditions.find(s.conditions(), type)
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + s.conditions()));
  }

  default List<Event> events(String ns, String reason) {
    return client().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }
}
