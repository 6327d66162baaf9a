package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One ScaledApi in namespace {@code ns} going through Prometheus outages. It polls every second,
 * scales up at once and down after a 1 s window, and falls back to {@code fallback} replicas after
 * {@value #THRESHOLD} failed polls; its queue is gauge {@value #GAUGE} with label {@code app=<ns>}.
 */
record FaultScenario(Cluster cluster, TestExporter exporter, String ns, int fallback) {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration POLL = Duration.ofSeconds(1);
  static final int THRESHOLD = 3;
  static final String WARNING = "MetricsUnavailable";
  static final String RECOVERED = "MetricsRecovered";

  /** The ScaledApi at 5 replicas for a queue of 50, its metrics read from {@code prometheus}. */
  static FaultScenario start(
      Cluster cluster,
      TestExporter exporter,
      String ns,
      URI prometheus,
      String timeout,
      int fallback) {
    FaultScenario scenario = new FaultScenario(cluster, exporter, ns, fallback);
    scenario.queue(50);
    cluster.createDeployment(ns, "api", 5);
    cluster.createScaledApi(ns, scenario.spec(prometheus, timeout));
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.signals().queueDepth().value()).isEqualTo(50.0);
          assertThat(Cluster.condition(s, Conditions.METRICS_AVAILABLE).getStatus())
              .isEqualTo("True");
        });
    assertThat(scenario.replicas()).isEqualTo(5);
    return scenario;
  }

  /** Sets the queue depth Prometheus scrapes. */
  void queue(double depth) {
    exporter.set(GAUGE, Map.of("app", ns), depth);
  }

  /** Removes the queue series: Prometheus marks it stale at the next scrape. */
  void hideQueue() {
    exporter.remove(GAUGE, Map.of("app", ns));
  }

  /**
   * Injects a fault after which a reading, were it taken as a number, would ask for 1 replica;
   * checks that replicas never go down, that one Warning names {@code cause} and that the fallback
   * applies after {@value #THRESHOLD} failed polls; then clears the fault (leaving a queue of 0)
   * and checks that scaling on the queue resumes by itself, down to 1 replica.
   */
  void outage(Runnable inject, Runnable clear, String cause) {
    int before = replicas();
    int held = Math.max(before, fallback);
    Set<String> oldWarnings = names(cluster.events(ns, WARNING));
    int recoveries = cluster.events(ns, RECOVERED).size();
    long start = System.nanoTime();
    inject.run();

    await("fallback after " + THRESHOLD + " failed polls in " + ns)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .failFast(
            "the outage in " + ns,
            () -> {
              assertThat(replicas()).as("replicas").isGreaterThanOrEqualTo(before);
              assertThat(newWarnings(oldWarnings)).as("Warnings").hasSizeLessThan(2);
            })
        .untilAsserted(
            () -> {
              ScaledApiStatus s = cluster.status(ns);
              assertThat(s.consecutiveMetricFailures()).isGreaterThanOrEqualTo(THRESHOLD);
              Condition metrics = Cluster.condition(s, Conditions.METRICS_AVAILABLE);
              assertThat(metrics.getStatus()).isEqualTo("False");
              assertThat(metrics.getReason()).isEqualTo("Fallback");
              assertThat(metrics.getMessage())
                  .contains(" consecutive metric failures (queue: " + cause + "); ")
                  .endsWith(
                      fallback >= before
                          ? "fallback to " + count(held)
                          : "fallback " + fallback + " is below current, holding " + count(before));
              assertThat(Cluster.condition(s, Conditions.READY).getReason())
                  .isEqualTo("MetricsUnavailable");
              assertThat(replicas()).isEqualTo(held);
            });
    System.out.printf(
        "[timing] %s: fault to fallback (%d failed polls) in %d ms%n",
        ns, THRESHOLD, Duration.ofNanos(System.nanoTime() - start).toMillis());
    // at least three polls failed, and one more: still one Warning, replicas unchanged
    await("one Warning over several failed polls in " + ns)
        .during(POLL)
        .atMost(POLL.multipliedBy(4))
        .pollInterval(Duration.ofMillis(100))
        .failFast("replicas of " + ns + " left " + held, () -> replicas() != held)
        .until(() -> newWarnings(oldWarnings).size() == 1);
    Event warning = newWarnings(oldWarnings).get(0);
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getMessage())
        .isEqualTo("metrics unavailable (queue: " + cause + "); holding " + count(before));

    clear.run();
    await("scaling on the queue again in " + ns)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ScaledApiStatus s = cluster.status(ns);
              Condition metrics = Cluster.condition(s, Conditions.METRICS_AVAILABLE);
              assertThat(metrics.getStatus()).isEqualTo("True");
              assertThat(metrics.getReason()).isEqualTo("MetricsRead");
              assertThat(Cluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True");
              assertThat(s.consecutiveMetricFailures()).isZero();
              assertThat(replicas()).isEqualTo(1);
              assertThat(s.lastScaleReason()).contains(" -> 1: queue depth 0 under target");
            });
    assertThat(cluster.events(ns, RECOVERED))
        .hasSize(recoveries + 1)
        .allSatisfy(e -> assertThat(e.getType()).isEqualTo("Normal"));
    assertThat(newWarnings(oldWarnings)).hasSize(1);
  }

  int replicas() {
    return cluster.replicas(ns, "api");
  }

  private List<Event> newWarnings(Set<String> old) {
    return cluster.events(ns, WARNING).stream()
        .filter(e -> !old.contains(e.getMetadata().getName()))
        .toList();
  }

  private static Set<String> names(List<Event> events) {
    return events.stream().map(e -> e.getMetadata().getName()).collect(Collectors.toSet());
  }

  private static String count(int replicas) {
    return replicas == 1 ? "1 replica" : replicas + " replicas";
  }

  private ScaledApiSpec spec(URI prometheus, String timeout) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        1,
        20,
        "1s",
        new PrometheusSpec(prometheus.toString(), null, null, timeout),
        new QueueSpec("sum(" + GAUGE + "{app=\"" + ns + "\"})", 10.0),
        null,
        null,
        null,
        new BehaviorSpec(
            TestScaledApis.fastScaleUp().scaleUp(), new ScalingRulesSpec(1, null, null)),
        null,
        new FallbackSpec(THRESHOLD, fallback),
        Mode.ENFORCE,
        false);
  }
}
