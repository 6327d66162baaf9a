package io.scaledapi.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ApiFaultsIT} runs against: a real exporter, the JVM's shared real Prometheus scraping
 * it every second, and the real API server reached by operators through {@link ApiFaults}. Every
 * ScaledApi and its Deployment are named "api"; the queue of namespace {@code ns} is the series
 * {@code GAUGE{app="ns"}}.
 */
record FaultStack(
    RealCluster cluster, ApiFaults faults, TestExporter exporter, SharedPrometheus prometheus)
    implements AutoCloseable {
  static final String GAUGE = "api_queue_requests_waiting";

  /** A stack on a cluster with namespaces for {@code names} ({@link RealCluster#ns}). */
  static FaultStack start(String... names) {
    TestExporter exporter = TestExporter.start();
    try {
      SharedPrometheus prometheus = SharedPrometheus.scraping(exporter);
      ApiFaults faults = new ApiFaults(ScaledApiCrd.install());
      return new FaultStack(RealCluster.intercepted(faults, names), faults, exporter, prometheus);
    } catch (RuntimeException | Error e) {
      exporter.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      exporter.close();
    }
  }

  ScaledApiOperator operator(String ns) {
    return cluster.startOperator(settings(ns));
  }

  /** An operator on the namespace alone, reading the shared Prometheus. */
  ScaledApiOperator.Settings settings(String ns) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()),
        Set.of(ns),
        Optional.empty(),
        Clock.systemUTC(),
        "faults-" + ns);
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
}
