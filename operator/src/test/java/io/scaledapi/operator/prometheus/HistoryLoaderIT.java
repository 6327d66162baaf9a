package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.prometheus.HistoryLoader.History;
import io.scaledapi.operator.prometheus.HistoryLoader.HistoryPoint;
import io.scaledapi.operator.testing.OpenMetricsHistory;
import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.SampleTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Loads days of backfilled history from a real Prometheus. */
class HistoryLoaderIT {

  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration FOUR_DAYS = Duration.ofDays(4);
  private static final String SUMMED = "sum(rate(loader_requests_total[5m]))";

  /** Requests per second of both routes together: a daily wave between 5 and 15. */
  private static final DoubleUnaryOperator DAILY_RATE =
      t -> 10 + 5 * Math.sin(2 * Math.PI * t / 86_400);

  private static Instant end;
  private static PrometheusProcess prometheus;
  private static PrometheusClient client;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      new PrometheusLogOnFailure(() -> prometheus);

  @BeforeAll
  static void startPrometheus() {
    end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(STEP);
    SampleTimes times = new SampleTimes(end.minus(FOUR_DAYS).minus(Duration.ofHours(1)), end, STEP);
    OpenMetricsHistory history =
        OpenMetricsHistory.empty()
            .counter(
                "loader_requests_total",
                Map.of("route", "/orders"),
                times,
                t -> 0.6 * DAILY_RATE.applyAsDouble(t))
            .counter(
                "loader_requests_total",
                Map.of("route", "/payments"),
                times,
                t -> 0.4 * DAILY_RATE.applyAsDouble(t));
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

  @Test
  void loadsFourDaysEveryMinuteInThreeQueriesOf2000Points() {
    History history = new HistoryLoader(2000).load(client, SUMMED, end.minus(FOUR_DAYS), end, STEP);

    assertThat(history.failure()).isEmpty();
    assertThat(history.queries()).isEqualTo(3);
    assertThat(history.span()).isEqualTo(FOUR_DAYS);
    List<HistoryPoint> points = history.points();
    assertThat(points).hasSize(4 * 1440 + 1);
    assertThat(points.get(0).time()).isEqualTo(end.minus(FOUR_DAYS));
    assertThat(points.get(points.size() - 1).time()).isEqualTo(end);
    for (int i = 1; i < points.size(); i++) {
      assertThat(Duration.between(points.get(i - 1).time(), points.get(i).time())).isEqualTo(STEP);
    }
    assertThat(points)
        .allSatisfy(
            p ->
                assertThat(p.value())
                    .isCloseTo(
                        DAILY_RATE.applyAsDouble(p.time().getEpochSecond() - 150), within(0.01)));
  }

  @Test
  void loadsWhatPrometheusRefusesInOneQuery() {
    Instant from = end.minus(FOUR_DAYS);
    Duration step = Duration.ofSeconds(15);

    RangeResult single = client.queryRange(SUMMED, from, end, step);
    History history = new HistoryLoader().load(client, SUMMED, from, end, step);

    assertThat(single)
        .isInstanceOfSatisfying(
            RangeResult.Failure.class,
            f -> assertThat(f.message()).contains("exceeded maximum resolution of 11,000 points"));
    assertThat(history.failure()).isEmpty();
    assertThat(history.queries()).isEqualTo(3);
    assertThat(history.points()).hasSize(4 * 5760 + 1);
  }

  @Test
  void queryOfSeveralSeriesFailsWithAdviceToSum() {
    History history =
        new HistoryLoader(2000)
            .load(client, "rate(loader_requests_total[5m])", end.minus(FOUR_DAYS), end, STEP);

    assertThat(history.points()).isEmpty();
    assertThat(history.queries()).isEqualTo(1);
    assertThat(history.failure())
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .startsWith("loading history stopped at range query 1 of 3 (")
                    .endsWith(
                        "query returned 2 series; it must return one series; wrap it in sum()"));
  }

  @Test
  void rejectedQueryIsAFailure() {
    History history =
        new HistoryLoader(2000)
            .load(client, "sum(rate(loader_requests_total[5m])", end.minus(FOUR_DAYS), end, STEP);

    assertThat(history.points()).isEmpty();
    assertThat(history.failure())
        .hasValueSatisfying(
            text -> assertThat(text).contains("Prometheus rejected the query (bad_data)"));
  }
}
