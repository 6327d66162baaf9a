package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead time auto, learned from a Deployment on the real API server whose ready replicas lag its
 * spec: no controller runs there, so the test sets the ready replicas by hand, and moves the
 * operator's clock on between the scale-up and the replicas becoming ready, so the learned start-up
 * time is known exactly.
 */
class LeadTimeLearningIT {
  static final String QUEUE = "api_queue_requests_waiting";
  static final String ARRIVALS = "api_requests_per_second";
  static final Duration POLL = Duration.ofSeconds(1);

  static RealCluster cluster;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static LiveStack stack;
  static final MovableClock CLOCK = new MovableClock(Instant.now());

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("lead");
    stack = LiveStack.start(cluster, CLOCK);
    exporter = stack.exporter();
    prometheus = stack.prometheus();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void learnsTheTimeFromScaleUpToReadyReplicas() {
    String ns = cluster.ns("lead");
    exporter.set(ARRIVALS, Map.of("app", ns), 100);
    exporter.set(QUEUE, Map.of("app", ns), 95);
    PrometheusClient query =
        new PrometheusClient(PrometheusEndpoint.of(prometheus.baseUri(), Duration.ofSeconds(5)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                query.query("sum(" + QUEUE + "{app=\"" + ns + "\"})", Instant.now())
                        instanceof QueryResult.Value v
                    && v.value() == 95);
    // from here on the operator's clock stands still unless moved
    CLOCK.set(Instant.now());
    cluster.createDeployment(ns, "api", 1);
    cluster.readyReplicas(ns, "api", 1);
    cluster.createScaledApi(ns, spec(ns));
    // nothing learned yet: the default start-up plus the polling interval
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.forecast().leadTimeSource()).isEqualTo("Default");
          assertThat(s.forecast().horizon()).isEqualTo("61s");
          assertThat(Cluster.condition(s, Conditions.PREDICTION_READY).getReason())
              .isEqualTo("InsufficientHistory");
        });
    // the queue makes the operator scale 1 -> 10; the pods are not ready yet
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.replicas(ns, "api") == 10);
    CLOCK.advance(Duration.ofSeconds(45));
    cluster.awaitStatus(ns, s -> assertThat(s.forecast().time()).isEqualTo(seconds(CLOCK)));
    assertThat(cluster.status(ns).forecast().leadTimeSource()).isEqualTo("Default");
    cluster.readyReplicas(ns, "api", 10);
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.forecast().leadTimeSource()).isEqualTo("Learned");
          // 45 s from the /scale write to 10 ready replicas, plus the 1 s polling interval
          assertThat(s.forecast().horizon()).isEqualTo("46s");
        });
  }

  static String seconds(Clock clock) {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  static ScaledApiSpec spec(String app) {
    return TestScaledApis.predicting(
        "sum(" + QUEUE + "{app=\"" + app + "\"})",
        "sum(" + ARRIVALS + "{app=\"" + app + "\"})",
        20,
        new PredictionSpec(true, "auto", "1h", null, null, null, null));
  }
}
