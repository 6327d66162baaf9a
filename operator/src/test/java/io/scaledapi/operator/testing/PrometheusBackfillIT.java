package io.scaledapi.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starts a real Prometheus on three days of backfilled history that ends a minute ago. */
class PrometheusBackfillIT {

  private static final Duration STEP = Duration.ofMinutes(1);
  private static final double DAY_SECONDS = 86_400;

  /** Requests per second: 10 on average, 5 more at 06:00 UTC, 5 fewer at 18:00 UTC. */
  static final DoubleUnaryOperator DAILY_RATE =
      t -> 10 + 5 * Math.sin(2 * Math.PI * t / DAY_SECONDS);

  private static final DoubleUnaryOperator DEPTH = t -> 100 + 50 * Math.cos(2 * Math.PI * t / 3600);

  private static Instant end;
  private static PrometheusProcess prometheus;
  private static PrometheusClient client;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      new PrometheusLogOnFailure(() -> prometheus);

  @BeforeAll
  static void startPrometheus() {
    end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(STEP);
    SampleTimes times = new SampleTimes(end.minus(Duration.ofDays(3)), end, STEP);
    OpenMetricsHistory history =
        OpenMetricsHistory.empty()
            .counter("backfill_requests_total", Map.of("route", "/orders"), times, DAILY_RATE)
            .gauge("backfill_queue_depth", Map.of(), times, DEPTH);
    prometheus = PrometheusProcess.startWithHistory(history);
    client =
        new PrometheusClient(PrometheusEndpoint.of(prometheus.baseUri(), Duration.ofSeconds(10)));
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  /** The 5-minute rate averages the daily function over the window, about 150 s back. */
  @ParameterizedTest
  @ValueSource(
      longs = {0, 37, 3_600, 6 * 3_600 + 17, 13 * 3_600, 86_400, 2 * 86_400 + 999, 258_000})
  void rateFollowsTheDailyFunction(long secondsBeforeEnd) {
    Instant time = end.minusSeconds(secondsBeforeEnd);

    QueryResult result = client.query("rate(backfill_requests_total[5m])", time);

    double expected = DAILY_RATE.applyAsDouble(time.getEpochSecond() - 150);
    assertThat(result)
        .isInstanceOfSatisfying(
            QueryResult.Value.class, v -> assertThat(v.value()).isCloseTo(expected, within(0.02)));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 60, 7_200, 86_400 + 1_800})
  void gaugeHasTheFunctionsValueAtEachSample(long secondsBeforeEnd) {
    Instant time = end.minusSeconds(secondsBeforeEnd);

    QueryResult result = client.query("backfill_queue_depth", time);

    assertThat(result)
        .isEqualTo(new QueryResult.Value(DEPTH.applyAsDouble(time.getEpochSecond()), time));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "count_over_time(backfill_requests_total[4d])",
        "count_over_time(backfill_queue_depth[4d])"
      })
  void everySampleIsStored(String promql) {
    QueryResult result = client.query(promql, end);

    assertThat(result).isEqualTo(new QueryResult.Value(3 * 1440 + 1, end));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void counterGrowsByTheDailyAverageEachDay(int daysBeforeEnd) {
    Instant time = end.minus(Duration.ofDays(daysBeforeEnd));

    QueryResult result =
        client.query("backfill_requests_total - backfill_requests_total offset 1d", time);

    assertThat(result)
        .isInstanceOfSatisfying(
            QueryResult.Value.class,
            v -> assertThat(v.value()).isCloseTo(10 * DAY_SECONDS, within(1.0)));
  }

  @Test
  void historyWithoutEndMarkerFailsWithPromtoolsOutput() {
    assertThatThrownBy(
            () -> PrometheusProcess.startWithHistory(out -> out.write("backfill_broken 1 100\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "promtool tsdb create-blocks-from openmetrics failed with exit code 1; its output:\n")
        .hasMessageContaining("data does not end with # EOF");
  }

  @Test
  void unparsableHistoryFailsWithPromtoolsOutput() {
    assertThatThrownBy(
            () ->
                PrometheusProcess.startWithHistory(
                    out -> out.write("backfill_broken{ 1 100\n# EOF\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its output:\n")
        .hasMessageContaining("expected label name");
  }
}
