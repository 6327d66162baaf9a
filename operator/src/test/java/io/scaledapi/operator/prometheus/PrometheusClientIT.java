package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the client against a real Prometheus (the JVM's shared one) that scrapes a {@link
 * TestExporter} every second.
 */
class PrometheusClientIT {

  private static final Duration SCRAPE_INTERVAL = SharedPrometheus.SCRAPE_INTERVAL;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestExporter exporter;
  private static SharedPrometheus prometheus;
  private static PrometheusClient client;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void startPrometheus() {
    exporter = TestExporter.start();
    exporter.set("it_steady_depth", 42);
    prometheus = SharedPrometheus.scraping(exporter);
    client =
        new PrometheusClient(PrometheusEndpoint.of(prometheus.baseUri(), Duration.ofSeconds(5)));
    System.out.println(
        "[real prometheus] PrometheusClientIT ran against prometheus "
            + prometheus.version()
            + " at "
            + prometheus.baseUri());
  }

  @AfterAll
  static void stopPrometheus() {
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  void gaugeValueIsReturned() {
    QueryResult result = eventually("it_steady_depth", isValue(42));

    Instant timestamp = ((QueryResult.Value) result).timestamp();
    assertThat(timestamp).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(result.describe()).isEqualTo("query returned 42");
  }

  @Test
  void changedValueIsSeen() {
    exporter.set("it_changing_depth", 7);
    eventually("it_changing_depth", isValue(7));

    exporter.set("it_changing_depth", 13.5);

    eventually("it_changing_depth", isValue(13.5));
  }

  @Test
  void sumOverTwoSeriesIsOneValue() {
    exporter.set("it_summed_depth", Map.of("queue", "orders"), 3);
    exporter.set("it_summed_depth", Map.of("queue", "payments"), 4);

    eventually("sum(it_summed_depth)", isValue(7));
  }

  @Test
  void twoSeriesWithoutSumAreReportedAsMultipleSeries() {
    exporter.set("it_split_depth", Map.of("queue", "orders"), 1);
    exporter.set("it_split_depth", Map.of("queue", "payments"), 2);

    QueryResult result =
        eventually(
            "it_split_depth",
            r -> {
              assertThat(r).isInstanceOf(QueryResult.MultipleSeries.class);
              assertThat(((QueryResult.MultipleSeries) r).labelSets()).hasSize(2);
            });

    assertThat(((QueryResult.MultipleSeries) result).labelSets())
        .extracting(labels -> labels.get("queue"))
        .containsExactlyInAnyOrder("orders", "payments");
    assertThat(((QueryResult.MultipleSeries) result).labelSets())
        .allSatisfy(
            labels ->
                assertThat(labels)
                    .containsEntry("__name__", "it_split_depth")
                    .containsEntry("job", "test")
                    .containsEntry("instance", exporter.target()));
    assertThat(result.describe())
        .isEqualTo(
            "query returned 2 series, differing in {queue=\"orders\"}, {queue=\"payments\"};"
                + " it must return one: wrap it in sum(...), or narrow its label matchers to one"
                + " series");
  }

  @Test
  void syntaxErrorIsRejectedWithPrometheusOwnText() {
    QueryResult result = client.query("sum(it_steady_depth", Instant.now());

    assertThat(result).isInstanceOf(QueryResult.Failure.class);
    QueryResult.Failure failure = (QueryResult.Failure) result;
    assertThat(failure.kind()).isEqualTo(FailureKind.QUERY_REJECTED);
    assertThat(failure.httpStatus()).isEqualTo(400);
    assertThat(failure.errorType()).isEqualTo("bad_data");
    assertThat(failure.message()).contains("parse error");
    assertThat(failure.describe())
        .startsWith("Prometheus rejected the query (bad_data): ")
        .contains("parse error");
  }

  @Test
  void nanAndInfinityAreNotFinite() {
    assertThat(client.query("0/0", Instant.now()))
        .isInstanceOfSatisfying(QueryResult.NotFinite.class, r -> assertThat(r.value()).isNaN());
    assertThat(client.query("-1/0", Instant.now()))
        .isInstanceOfSatisfying(
            QueryResult.NotFinite.class,
            r -> assertThat(r.value()).isEqualTo(Double.NEGATIVE_INFINITY));

    exporter.set("it_nan_depth", Double.NaN);
    QueryResult gauge =
        eventually(
            "it_nan_depth",
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        QueryResult.NotFinite.class, n -> assertThat(n.value()).isNaN()));
    assertThat(gauge.describe()).isEqualTo("query returned NaN; it must return a finite number");
  }

  @Test
  void scalarExpressionIsAValue() {
    assertThat(client.query("scalar(vector(6)) * 7", Instant.now())).satisfies(isValue(42));
  }

  @Test
  void missingMetricIsEmpty() {
    QueryResult result = client.query("it_metric_that_does_not_exist", Instant.now());

    assertThat(result).isEqualTo(new QueryResult.Empty());
  }

  @Test
  void queryTimeIsHonoured() {
    eventually("it_steady_depth", isValue(42));

    QueryResult anHourAgo = client.query("it_steady_depth", Instant.now().minusSeconds(3600));

    assertThat(anHourAgo).isEqualTo(new QueryResult.Empty());
  }

  @Test
  void longQueryIsAccepted() {
    String promql = "vector(1)" + " + vector(0)".repeat(1500);
    assertThat(promql).hasSizeGreaterThan(16_000);

    assertThat(client.query(promql, Instant.now())).satisfies(isValue(1));
  }

  @Test
  void rangeQueryReturnsSamplesEverySecond() {
    RangeResult result =
        eventually(
            () -> {
              Instant end = Instant.now();
              return client.queryRange(
                  "it_steady_depth", end.minusSeconds(10), end, Duration.ofSeconds(1));
            },
            r -> {
              assertThat(r).isInstanceOf(RangeResult.Series.class);
              assertThat(((RangeResult.Series) r).series()).hasSize(1);
              assertThat(((RangeResult.Series) r).series().get(0).samples())
                  .hasSizeGreaterThanOrEqualTo(5);
            });

    RangeSeries series = ((RangeResult.Series) result).series().get(0);
    assertThat(series.labels()).containsEntry("__name__", "it_steady_depth");
    assertThat(series.samples()).extracting(Sample::value).containsOnly(42.0);
    List<Sample> samples = series.samples();
    for (int i = 1; i < samples.size(); i++) {
      assertThat(Duration.between(samples.get(i - 1).timestamp(), samples.get(i).timestamp()))
          .isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void rangeQueryErrorsAreFailures() {
    Instant end = Instant.now();
    RangeResult result =
        client.queryRange(
            "rate(it_steady_depth[", end.minusSeconds(10), end, Duration.ofSeconds(1));

    assertThat(result)
        .isInstanceOfSatisfying(
            RangeResult.Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(FailureKind.QUERY_REJECTED);
              assertThat(f.message()).contains("parse error");
            });
  }

  @Test
  void stoppedPrometheusIsAConnectionFailure() {
    try (PrometheusProcess own = PrometheusProcess.start(List.of(), SCRAPE_INTERVAL)) {
      PrometheusClient ownClient =
          new PrometheusClient(PrometheusEndpoint.of(own.baseUri(), Duration.ofSeconds(5)));
      assertThat(ownClient.query("vector(3)", Instant.now())).satisfies(isValue(3));

      own.stop();
      QueryResult result = ownClient.query("vector(3)", Instant.now());

      assertThat(own.isRunning()).isFalse();
      assertThat(result)
          .isEqualTo(
              new QueryResult.Failure(
                  FailureKind.CONNECTION,
                  0,
                  null,
                  "cannot connect to " + own.baseUri() + ": connection refused"));
    }
  }

  private static Consumer<QueryResult> isValue(double expected) {
    return result ->
        assertThat(result)
            .isInstanceOfSatisfying(
                QueryResult.Value.class, v -> assertThat(v.value()).isEqualTo(expected));
  }

  /** Queries until the result satisfies {@code assertion}; returns the satisfying result. */
  private static QueryResult eventually(String promql, Consumer<QueryResult> assertion) {
    return eventually(() -> client.query(promql, Instant.now()), assertion);
  }

  private static <T> T eventually(Supplier<T> call, Consumer<T> assertion) {
    AtomicReference<T> last = new AtomicReference<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              T result = call.get();
              assertThat(result).isNotNull();
              assertion.accept(result);
              last.set(result);
            });
    return last.get();
  }
}
