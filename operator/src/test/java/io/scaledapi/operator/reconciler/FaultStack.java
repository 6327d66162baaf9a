package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What {@link ApiFaultsIT} runs against: a real exporter, the JVM's shared real Prometheus scraping
 * it every second, and the mock API server reached by operators through {@link ApiFaults}. Every
 * ScaledApi and its Deployment are named "api"; the queue of namespace {@code ns} is the series
 * {@code GAUGE{app="ns"}}.
 */
record FaultStack(
    MockCluster cluster, ApiFaults faults, TestExporter exporter, SharedPrometheus prometheus)
    implements AutoCloseable {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration SCRAPE = SharedPrometheus.SCRAPE_INTERVAL;

  static FaultStack start(KubernetesClient client) {
    TestExporter exporter = TestExporter.start();
    try {
      SharedPrometheus prometheus = SharedPrometheus.scraping(exporter);
      ApiFaults faults = new ApiFaults(client);
      return new FaultStack(faults.cluster(), faults, exporter, prometheus);
    } catch (RuntimeException | Error e) {
      exporter.close();
      throw e;
    }
  }

  @Override
  public void close() {
    cluster.close();
    exporter.close();
  }

  ScaledApiOperator operator(String ns, Clock clock) {
    return cluster.startOperator(settings(ns, clock));
  }

  /** An operator on the namespace alone, reading the shared Prometheus. */
  ScaledApiOperator.Settings settings(String ns, Clock clock) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()), Set.of(ns), Optional.empty(), clock, "faults-" + ns);
  }

  static Double desiredGauge(SimpleMeterRegistry registry, String ns) {
    Gauge gauge =
        registry
            .find("scaledapi.desired.replicas")
            .tags("namespace", ns, "scaledapi", "api")
            .gauge();
    return gauge == null ? null : gauge.value();
  }

  void setQueue(String ns, double value) {
    exporter.set(GAUGE, Map.of("app", ns), value);
  }

  void awaitReplicas(String ns, int replicas) {
    cluster.awaitReplicas(ns, replicas);
  }

  /** Status caught up with the spec and the target: generation, replicas, conditions True. */
  void awaitConverged(String ns, int replicas) {
    cluster.awaitConverged(ns, replicas);
  }

  /** ScalingLimited with that reason, True unless the reason says the desired count is free. */
  void awaitLimited(String ns, String reason) {
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(MockCluster.condition(s, Conditions.SCALING_LIMITED).getReason())
              .isEqualTo(reason);
          assertThat(MockCluster.condition(s, Conditions.SCALING_LIMITED).getStatus())
              .isEqualTo(reason.equals("DesiredWithinRange") ? "False" : "True");
        });
  }

  /** Waits for a decision whose queue depth was read at {@code at} by the operator's clock. */
  void awaitReadAt(String ns, Instant at) {
    cluster.awaitStatus(
        ns, s -> assertThat(Instant.parse(s.signals().queueDepth().time())).isEqualTo(at));
  }

  /** Reconciles the operator recording its metrics in {@code registry} has ended. */
  static double reconciles(SimpleMeterRegistry registry) {
    return registry.find("scaledapi.reconciles").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Waits for {@code polls} more reconciles; the last of them started after this call. */
  static void awaitPolls(SimpleMeterRegistry registry, int polls) {
    double before = reconciles(registry);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> reconciles(registry) >= before + polls);
  }

  /** Waits until Prometheus answers {@code value} for the namespace's queue; returns when. */
  Instant awaitPrometheusShows(String ns, double value) {
    PrometheusClient query =
        new PrometheusClient(PrometheusEndpoint.of(prometheus.baseUri(), Duration.ofSeconds(5)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                query.query(queue(GAUGE, ns, 10).query(), Instant.now())
                        instanceof QueryResult.Value v
                    && v.value() == value);
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Changes the spec; the mock API server raises metadata.generation on a spec change as a real one
   * does, which is checked here because observedGeneration is compared with it.
   */
  void edit(String ns, UnaryOperator<ScaledApiSpec> change) {
    long before = scaledApi(ns).getMetadata().getGeneration();
    cluster
        .client()
        .resources(ScaledApi.class)
        .inNamespace(ns)
        .withName("api")
        .edit(
            s -> {
              s.setSpec(change.apply(s.getSpec()));
              return s;
            });
    assertThat(scaledApi(ns).getMetadata().getGeneration()).isEqualTo(before + 1);
  }

  ScaledApi scaledApi(String ns) {
    return cluster.client().resources(ScaledApi.class).inNamespace(ns).withName("api").get();
  }

  static QueueSpec queue(String gauge, String ns, double perReplica) {
    return new QueueSpec("sum(" + gauge + "{app=\"" + ns + "\"})", perReplica);
  }

  static BehaviorSpec fastUp() {
    return TestScaledApis.fastScaleUp();
  }

  static ScaledApiSpec spec(int min, int max, QueueSpec queue, BehaviorSpec behavior) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        min,
        max,
        "1s",
        null,
        queue,
        null,
        null,
        null,
        behavior,
        null,
        null,
        null,
        null);
  }

  static Status conflict() {
    return new StatusBuilder()
        .withStatus("Failure")
        .withCode(409)
        .withReason("Conflict")
        .withMessage(
            "Operation cannot be fulfilled on scaledapis.autoscaling.scaledapi.io \"api\": the"
                + " object has been modified; please apply your changes to the latest version and"
                + " try again")
        .build();
  }
}
