package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.testing.OpenMetricsHistory;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.SampleTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prediction warm-started from days of history backfilled into a real Prometheus: on its first
 * reconcile a ScaledApi forecasts the daily morning rise that starts a minute later, and pre-scales
 * for it while the queue is still empty.
 */
class PredictionWarmStartIT {
  static final Duration STEP = Duration.ofMinutes(1);
  static final Duration LEAD = Duration.ofMinutes(10);
  static final double NIGHT = 20;
  static final double DAY = 200;
  static final double CAPACITY = 10;

  /** Requests per second a replica is provisioned for: the default target utilization, 0.7. */
  static final double PER_REPLICA = CAPACITY * 0.7;

  /** What the demand rule asks for at night, the queue empty: ceil(20 / 7). */
  static final int REACTIVE = 3;

  static RealCluster cluster;
  static PrometheusProcess prometheus;
  static ScaledApiOperator operator;

  /** The operator's now: the end of the history, a minute before today's rise. */
  static Instant now;

  static DoubleUnaryOperator dailyRate;

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("enforce", "forecast-only", "auto-capacity");
    now = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(STEP);
    long rampStart = (now.getEpochSecond() + 60) % 86_400;
    dailyRate = t -> rate(((long) t - rampStart + 86_400 * 10) % 86_400);
    SampleTimes times = new SampleTimes(now.minus(Duration.ofDays(4)), now, STEP);
    OpenMetricsHistory history = OpenMetricsHistory.empty();
    for (String app : List.of("enforce", "forecast-only", "auto-capacity")) {
      history =
          history
              .counter("api_requests_arrived_total", Map.of("app", app), times, dailyRate)
              .gauge("api_queue_requests_waiting", Map.of("app", app), times, t -> 0);
    }
    prometheus = PrometheusProcess.startWithHistory(history);
    operator = cluster.startOperator(prometheus.baseUri(), Clock.fixed(now, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Requests per second {@code s} seconds after the rise starts: 20 at night, up to 200 over an
   * hour, 3 hours at 200, down over an hour.
   */
  static double rate(long s) {
    double ramp = 3600;
    double plateau = 3 * 3600;
    if (s < ramp) {
      return NIGHT + (DAY - NIGHT) * s / ramp;
    }
    if (s < ramp + plateau) {
      return DAY;
    }
    if (s < 2 * ramp + plateau) {
      return DAY - (DAY - NIGHT) * (s - ramp - plateau) / ramp;
    }
    return NIGHT;
  }

  @Test
  void preScalesForTheMorningRampOnTheFirstReconcile() {
    String ns = cluster.ns("enforce");
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(ns, spec("enforce", PredictionMode.ENFORCE));
    double truth = dailyRate.applyAsDouble(now.plus(LEAD).getEpochSecond());
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(Cluster.condition(s, Conditions.PREDICTION_READY).getStatus())
              .isEqualTo("True");
          assertThat(s.signals().arrivalRate().value()).isCloseTo(NIGHT, within(2));
          assertThat(s.forecast().horizon()).isEqualTo("600s");
          assertThat(s.forecast().leadTimeSource()).isEqualTo("Spec");
          assertThat(s.forecast().capacitySource()).isEqualTo("Spec");
        });
    var forecast = cluster.status(ns).forecast();
    System.out.printf(
        "[forecast] now %.0f req/s, in 10m %.0f req/s, forecast %.1f [%.1f, %.1f] (%s)%n",
        NIGHT, truth, forecast.rate(), forecast.lower(), forecast.upper(), forecast.model());
    // the forecast follows the daily cycle: at least 40% of the coming rise, no overshoot
    assertThat(forecast.rate() - NIGHT).isGreaterThan(0.4 * (truth - NIGHT));
    assertThat(forecast.rate()).isLessThan(1.25 * truth);
    assertThat(forecast.upper()).isGreaterThanOrEqualTo(forecast.rate());
    int needed = (int) Math.ceil(forecast.upper() / PER_REPLICA - 1e-6);
    assertThat(forecast.replicas()).isEqualTo(needed);
    // the queue is empty, so reactively the night's rate is enough: the forecast raises it
    assertThat(needed).isGreaterThan(REACTIVE);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.replicas(ns, "api") == needed);
    assertThat(cluster.events(ns, "Rescaled"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .startsWith("pre-scaled 1 -> " + needed + ": forecast ")
                    .contains("in 600s needs " + needed + " replicas at 7 req/s each"));
    assertThat(cluster.status(ns).lastScaleReason()).startsWith("pre-scaled 1 -> " + needed);
  }

  @Test
  void forecastOnlyReportsTheSameButNeverPreScales() {
    String ns = cluster.ns("forecast-only");
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(ns, spec("forecast-only", PredictionMode.FORECAST_ONLY));
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(Cluster.condition(s, Conditions.PREDICTION_READY).getReason())
              .isEqualTo("ForecastOnly");
          assertThat(s.forecast().replicas()).isGreaterThan(REACTIVE);
          assertThat(s.desiredReplicas()).isEqualTo(REACTIVE);
        });
    // over several more polls at the same forecast: only what the night's rate needs
    org.awaitility.Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> cluster.replicas(ns, "api") == REACTIVE);
    assertThat(cluster.events(ns, "Rescaled"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).startsWith("1 -> 3: arrivals 20 req/s"));
  }

  @Test
  void withCapacityStillUnknownTheForecastIsReportedButNotActedOn() {
    String ns = cluster.ns("auto-capacity");
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(ns, spec("auto-capacity", PredictionMode.ENFORCE, null));
    cluster.awaitStatus(
        ns,
        s -> {
          var ready = Cluster.condition(s, Conditions.PREDICTION_READY);
          assertThat(ready.getStatus()).as("%s", ready).isEqualTo("False");
          assertThat(ready.getReason()).isEqualTo("CapacityUnknown");
          assertThat(ready.getMessage())
              .startsWith("capacityPerReplica is auto and not learned yet: 0 of 3 samples");
          assertThat(s.forecast().rate()).isGreaterThan(1.2 * NIGHT);
          assertThat(s.forecast().replicas()).isNull();
          assertThat(s.desiredReplicas()).isEqualTo(1);
        });
    assertThat(cluster.replicas(ns, "api")).isEqualTo(1);
  }

  static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  static ScaledApiSpec spec(String app, PredictionMode mode) {
    return spec(app, mode, new IntOrString((int) CAPACITY));
  }

  static ScaledApiSpec spec(String app, PredictionMode mode, IntOrString capacity) {
    return TestScaledApis.predicting(
        "sum(api_queue_requests_waiting{app=\"" + app + "\"})",
        "sum(rate(api_requests_arrived_total{app=\"" + app + "\"}[2m]))",
        40,
        new PredictionSpec(true, "10m", "4d", "24h", 0.9, capacity, mode));
  }
}
