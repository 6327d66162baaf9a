package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.prometheus.HistoryLoader.History;
import io.scaledapi.operator.prometheus.HistoryLoader.HistoryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryLoaderTest {

  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final String QUERY = "sum(rate(http_requests_total[5m]))";

  /** A range query as the fake received it. */
  private record Call(String promql, Instant start, Instant end, Duration step) {}

  /** Answers range queries with a function of the call, and records every call. */
  private static final class FakeSource implements MetricsSource {
    private final Function<Call, RangeResult> answer;
    private final List<Call> calls = new ArrayList<>();

    FakeSource(Function<Call, RangeResult> answer) {
      this.answer = answer;
    }

    @Override
    public QueryResult query(String promql, Instant time) {
      throw new AssertionError("the loader must use range queries only");
    }

    @Override
    public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
      Call call = new Call(promql, start, end, step);
      calls.add(call);
      return answer.apply(call);
    }
  }

  /**
   * One unlabelled series with a sample at every step from start to end, valued seconds since T0.
   */
  private static RangeResult grid(Call call) {
    return new RangeResult.Series(List.of(new RangeSeries(Map.of(), samples(call, 0))));
  }

  private static List<Sample> samples(Call call, int extraStepsEachSide) {
    List<Sample> samples = new ArrayList<>();
    Instant first = call.start().minus(call.step().multipliedBy(extraStepsEachSide));
    Instant last = call.end().plus(call.step().multipliedBy(extraStepsEachSide));
    for (Instant t = first; !t.isAfter(last); t = t.plus(call.step())) {
      samples.add(new Sample(t, Duration.between(T0, t).toSeconds()));
    }
    return samples;
  }

  private static List<HistoryPoint> expectedGrid(Instant from, Instant to, Duration step) {
    List<HistoryPoint> points = new ArrayList<>();
    for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
      points.add(new HistoryPoint(t, Duration.between(T0, t).toSeconds()));
    }
    return points;
  }

  @Test
  void splitsTheRangeIntoContiguousChunksOfAtMostTheLimit() {
    FakeSource source = new FakeSource(HistoryLoaderTest::grid);

    History history = new HistoryLoader(3).load(source, QUERY, T0, T0.plusSeconds(95), TEN_SECONDS);

    assertThat(source.calls)
        .containsExactly(
            new Call(QUERY, T0, T0.plusSeconds(20), TEN_SECONDS),
            new Call(QUERY, T0.plusSeconds(30), T0.plusSeconds(50), TEN_SECONDS),
            new Call(QUERY, T0.plusSeconds(60), T0.plusSeconds(80), TEN_SECONDS),
            new Call(QUERY, T0.plusSeconds(90), T0.plusSeconds(95), TEN_SECONDS));
    assertThat(history)
        .isEqualTo(
            new History(expectedGrid(T0, T0.plusSeconds(90), TEN_SECONDS), 4, Optional.empty()));
    assertThat(history.complete()).isTrue();
  }

  @ParameterizedTest(name = "{0} at step {1} with {2} points per query: {3} queries")
  @CsvSource({
    "P4D, PT1M, 2000, 3",
    "P4D, PT1M, 10000, 1",
    "P4D, PT1M, 5760, 2",
    "P4D, PT1M, 5761, 1",
    "PT0S, PT1M, 1, 1",
    "PT59S, PT1M, 1, 1",
    "PT1M, PT1M, 1, 2",
    "PT1H, PT1M, 61, 1",
    "PT1H, PT1M, 60, 2",
    "P30D, PT15S, 11000, 16",
  })
  void makesTheFewestQueriesTheLimitAllows(
      Duration span, Duration step, int limit, int expectedQueries) {
    FakeSource source = new FakeSource(HistoryLoaderTest::grid);

    History history = new HistoryLoader(limit).load(source, QUERY, T0, T0.plus(span), step);

    assertThat(history.queries()).isEqualTo(expectedQueries);
    assertThat(source.calls).hasSize(expectedQueries);
    assertThat(source.calls)
        .allSatisfy(
            call ->
                assertThat(Duration.between(call.start(), call.end()).dividedBy(step) + 1)
                    .isBetween(1L, (long) limit));
    assertThat(history.points()).isEqualTo(expectedGrid(T0, T0.plus(span), step));
    assertThat(history.span())
        .isEqualTo(step.multipliedBy(Duration.between(T0, T0.plus(span)).dividedBy(step)));
  }

  @Test
  void overlappingAnswersGiveNoDuplicatePoints() {
    FakeSource source =
        new FakeSource(
            call -> new RangeResult.Series(List.of(new RangeSeries(Map.of(), samples(call, 2)))));

    History history =
        new HistoryLoader(4).load(source, QUERY, T0, T0.plusSeconds(200), TEN_SECONDS);

    assertThat(history.points()).isEqualTo(expectedGrid(T0, T0.plusSeconds(200), TEN_SECONDS));
  }

  @Test
  void failureMidwayKeepsTheEarlierChunksAndSaysWhere() {
    FakeSource source =
        new FakeSource(
            call ->
                call.start().equals(T0.plusSeconds(60))
                    ? new RangeResult.Failure(
                        FailureKind.CONNECTION, 0, null, "cannot connect to prom: refused")
                    : grid(call));

    History history =
        new HistoryLoader(3).load(source, QUERY, T0, T0.plusSeconds(110), TEN_SECONDS);

    assertThat(source.calls).hasSize(3);
    assertThat(history.points()).isEqualTo(expectedGrid(T0, T0.plusSeconds(50), TEN_SECONDS));
    assertThat(history.queries()).isEqualTo(3);
    assertThat(history.span()).isEqualTo(Duration.ofSeconds(50));
    assertThat(history.complete()).isFalse();
    assertThat(history.failure())
        .contains(
            "loading history stopped at range query 3 of 4 (2024-03-01T00:01:00Z to"
                + " 2024-03-01T00:01:20Z): cannot connect to prom: refused");
  }

  @Test
  void severalSeriesFailWithAdviceToSum() {
    RangeSeries a = new RangeSeries(Map.of("pod", "a"), List.of(new Sample(T0, 1)));
    RangeSeries b = new RangeSeries(Map.of("pod", "b"), List.of(new Sample(T0, 2)));
    FakeSource source = new FakeSource(call -> new RangeResult.Series(List.of(a, b)));

    History history = new HistoryLoader(3).load(source, "rate(x[5m])", T0, T0, TEN_SECONDS);

    assertThat(history.points()).isEmpty();
    assertThat(history.queries()).isEqualTo(1);
    assertThat(history.span()).isZero();
    assertThat(history.failure())
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .endsWith(
                        "query returned 2 series; it must return one series; wrap it in sum()"));
  }

  @Test
  void aDifferentSeriesInALaterChunkFails() {
    FakeSource source =
        new FakeSource(
            call ->
                new RangeResult.Series(
                    List.of(
                        new RangeSeries(
                            Map.of("pod", call.start().equals(T0) ? "a" : "b"),
                            samples(call, 0)))));

    History history = new HistoryLoader(3).load(source, QUERY, T0, T0.plusSeconds(50), TEN_SECONDS);

    assertThat(history.points()).isEqualTo(expectedGrid(T0, T0.plusSeconds(20), TEN_SECONDS));
    assertThat(history.failure())
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .endsWith(
                        "query returned series {pod=b} after {pod=a}; it must return one series;"
                            + " wrap it in sum()"));
  }

  @Test
  void nanAndInfiniteValuesAreDropped() {
    List<Sample> samples =
        List.of(
            new Sample(T0, 1),
            new Sample(T0.plusSeconds(10), Double.NaN),
            new Sample(T0.plusSeconds(20), Double.POSITIVE_INFINITY),
            new Sample(T0.plusSeconds(30), Double.NEGATIVE_INFINITY),
            new Sample(T0.plusSeconds(40), 5));
    FakeSource source =
        new FakeSource(call -> new RangeResult.Series(List.of(new RangeSeries(Map.of(), samples))));

    History history =
        new HistoryLoader(10).load(source, QUERY, T0, T0.plusSeconds(40), TEN_SECONDS);

    assertThat(history.points())
        .containsExactly(new HistoryPoint(T0, 1), new HistoryPoint(T0.plusSeconds(40), 5));
    assertThat(history.complete()).isTrue();
  }

  @Test
  void noDataIsAnEmptyCompleteHistory() {
    FakeSource source = new FakeSource(call -> new RangeResult.Series(List.of()));

    History history = new HistoryLoader(3).load(source, QUERY, T0, T0.plusSeconds(50), TEN_SECONDS);

    assertThat(history).isEqualTo(new History(List.of(), 2, Optional.empty()));
  }

  @Test
  void dataStartingInALaterChunkIsKept() {
    FakeSource source =
        new FakeSource(
            call -> call.start().equals(T0) ? new RangeResult.Series(List.of()) : grid(call));

    History history = new HistoryLoader(3).load(source, QUERY, T0, T0.plusSeconds(50), TEN_SECONDS);

    assertThat(history.points())
        .isEqualTo(expectedGrid(T0.plusSeconds(30), T0.plusSeconds(50), TEN_SECONDS));
    assertThat(history.complete()).isTrue();
  }

  @Test
  void sourceWithoutRangeQueriesIsAFailure() {
    MetricsSource instantOnly = (promql, time) -> new QueryResult.Empty();

    History history =
        new HistoryLoader().load(instantOnly, QUERY, T0, T0.plusSeconds(50), TEN_SECONDS);

    assertThat(history.points()).isEmpty();
    assertThat(history.queries()).isEqualTo(1);
    assertThat(history.failure())
        .hasValueSatisfying(
            text -> assertThat(text).endsWith("range queries are not supported by this source"));
  }

  @Test
  void aThrowingSourceIsAFailureNotAnException() {
    FakeSource source =
        new FakeSource(
            call -> {
              throw new IllegalStateException("boom");
            });

    History history = new HistoryLoader().load(source, QUERY, T0, T0, TEN_SECONDS);

    assertThat(history.failure())
        .hasValueSatisfying(text -> assertThat(text).contains("IllegalStateException: boom"));
  }

  @Test
  void timesAreTruncatedToMilliseconds() {
    FakeSource source = new FakeSource(HistoryLoaderTest::grid);
    Instant from = T0.plusNanos(1_500_000);

    new HistoryLoader().load(source, QUERY, from, from.plusSeconds(20), TEN_SECONDS);

    assertThat(source.calls)
        .containsExactly(new Call(QUERY, T0.plusMillis(1), T0.plusMillis(20_001), TEN_SECONDS));
  }

  @Test
  void invalidArgumentsAreRejected() {
    FakeSource source = new FakeSource(HistoryLoaderTest::grid);
    HistoryLoader loader = new HistoryLoader();

    assertThatThrownBy(() -> new HistoryLoader(0)).hasMessageContaining("between 1 and 11000");
    assertThatThrownBy(() -> new HistoryLoader(11_001)).hasMessageContaining("between 1 and 11000");
    assertThatThrownBy(() -> loader.load(source, QUERY, T0, T0.minusSeconds(1), TEN_SECONDS))
        .hasMessageContaining("is before from");
    assertThatThrownBy(() -> loader.load(source, QUERY, T0, T0, Duration.ZERO))
        .hasMessageContaining("positive whole number of milliseconds");
    assertThatThrownBy(() -> loader.load(source, QUERY, T0, T0, Duration.ofNanos(1_500_000)))
        .hasMessageContaining("positive whole number of milliseconds");
    assertThat(source.calls).isEmpty();
  }
}
