package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.LatencySpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.prometheus.FailureKind;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.prometheus.RangeResult;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decorator sends only confined queries, instant and range, and names what it refuses. */
class NamespaceIsolatedSourcesTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  /** Records what reaches Prometheus. */
  static final class RecordingSource implements MetricsSource, MetricsSources {
    final List<String> sent = new ArrayList<>();

    @Override
    public MetricsSource sourceFor(ScaledApi scaledApi) {
      return this;
    }

    @Override
    public QueryResult query(String promql, Instant time) {
      sent.add(promql);
      return new QueryResult.Value(1, time);
    }

    @Override
    public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
      sent.add("range " + promql);
      return new RangeResult.Series(List.of());
    }
  }

  static ScaledApi scaledApi(String queue, String latency, String arrivals) {
    return TestScaledApis.scaledApi(
        "team-a",
        new ScaledApiSpec(
            new ScaleTargetRef(null, null, "api"),
            1,
            10,
            null,
            null,
            new QueueSpec(queue, 10.0),
            latency == null ? null : new LatencySpec(latency, "1s"),
            arrivals == null ? null : new ArrivalRateSpec(arrivals),
            null,
            null,
            null,
            null,
            null,
            null));
  }

  final RecordingSource prometheus = new RecordingSource();
  final NamespaceIsolatedSources sources =
      new NamespaceIsolatedSources(prometheus, new NamespaceIsolation("namespace"));

  @Test
  void instantAndRangeQueriesAreSentConfined() {
    MetricsSource source = sources.sourceFor(scaledApi("sum(q)", null, null));

    assertThat(source.query("sum(q)", NOW)).isEqualTo(new QueryResult.Value(1, NOW));
    source.queryRange("sum(rate(a[1m]))", NOW.minusSeconds(3600), NOW, Duration.ofMinutes(1));

    assertThat(prometheus.sent)
        .containsExactly(
            "sum(q{namespace=\"team-a\"})", "range sum(rate(a{namespace=\"team-a\"}[1m]))");
  }

  @Test
  void aQueryThatNamesAnotherNamespaceIsNeverSent() {
    MetricsSource source = sources.sourceFor(scaledApi("sum(q)", null, null));

    QueryResult instant = source.query("sum(q{namespace=\"team-b\"})", NOW);
    RangeResult range =
        source.queryRange("rate(a{namespace!=\"x\"}[1m])", NOW, NOW, Duration.ofMinutes(1));

    assertThat(prometheus.sent).isEmpty();
    assertThat(instant)
        .isInstanceOfSatisfying(
            QueryResult.Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(FailureKind.QUERY_REJECTED);
              assertThat(f.describe()).contains("selects namespace=\"team-b\"");
            });
    assertThat(range).isInstanceOf(RangeResult.Failure.class);
    assertThat(sources.sourceFor(scaledApi("sum(q)", null, null)).query("sum(", NOW))
        .isInstanceOfSatisfying(
            QueryResult.Failure.class,
            f -> assertThat(f.describe()).isEqualTo("1:5: unclosed left parenthesis"));
    assertThat(prometheus.sent).isEmpty();
  }

  @Test
  void problemsNameEachRefusedField() {
    ScaledApi refused =
        scaledApi("sum(q{namespace=\"team-b\"})", "max(l)", "sum(rate(a{namespace=~\".+\"}[1m]))");

    assertThat(sources.problems(refused))
        .satisfiesExactly(
            p ->
                assertThat(p)
                    .startsWith(
                        "spec.queue.query: selector q{namespace=\"team-b\"} selects"
                            + " namespace=\"team-b\", but this ScaledApi in namespace \"team-a\""),
            p ->
                assertThat(p)
                    .startsWith(
                        "spec.arrivalRate.query: selector a{namespace=~\".+\"} selects"
                            + " namespace=~\".+\""));
    assertThat(sources.problems(scaledApi("sum(q{namespace=\"team-a\"})", "max(l)", null)))
        .isEmpty();
    assertThat(prometheus.sent).isEmpty();
  }

  @Test
  void withoutIsolationNothingIsRefused() {
    assertThat(prometheus.problems(scaledApi("sum(q{namespace=\"team-b\"})", null, null)))
        .isEmpty();
  }
}
