package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withFallback;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecommenderTest {

  private static final ScalingSpec QUEUE_AND_LATENCY = withLatency(spec(1, 100, 10), 0.25);

  private static ScalingInput input(ScalingSpec spec, int current, Signals s, int failures) {
    ScalingHistory history = new ScalingHistory(List.of(), List.of(), List.of(), failures);
    return new ScalingInput(T0, current, spec, s, history);
  }

  static Stream<Arguments> signalCombinations() {
    SignalReading down = failed("connection refused");
    return Stream.of(
        // queue only
        Arguments.of(spec(1, 100, 10), signals(ok(87), null), 9, Reason.QUEUE_DEPTH, true, true),
        // max of signals: queue wins
        Arguments.of(
            QUEUE_AND_LATENCY, signals(ok(87), ok(0.42)), 9, Reason.QUEUE_DEPTH, true, true),
        // max of signals: latency wins (queue 4, latency ceil(4 * 1.68) = 7)
        Arguments.of(QUEUE_AND_LATENCY, signals(ok(31), ok(0.42)), 7, Reason.LATENCY, true, true),
        // latency under target proposes nothing; queue lowers
        Arguments.of(
            QUEUE_AND_LATENCY, signals(ok(10), ok(0.1)), 1, Reason.QUEUE_DEPTH, true, true),
        // latency reading without a target is ignored, even a failed one
        Arguments.of(spec(1, 100, 10), signals(ok(10), ok(9.0)), 1, Reason.QUEUE_DEPTH, true, true),
        Arguments.of(spec(1, 100, 10), signals(ok(10), down), 1, Reason.QUEUE_DEPTH, true, true),
        // target without a latency reading: not configured
        Arguments.of(QUEUE_AND_LATENCY, signals(ok(10), null), 1, Reason.QUEUE_DEPTH, true, true),
        // queue failed, latency pushes up
        Arguments.of(QUEUE_AND_LATENCY, signals(down, ok(0.42)), 7, Reason.LATENCY, false, true),
        // queue failed, latency fine: hold, never lower
        Arguments.of(
            QUEUE_AND_LATENCY, signals(down, ok(0.1)), 4, Reason.METRICS_UNAVAILABLE, false, true),
        // latency failed, queue would lower: hold
        Arguments.of(
            QUEUE_AND_LATENCY, signals(ok(10), down), 4, Reason.METRICS_UNAVAILABLE, false, true),
        // latency failed, queue pushes up
        Arguments.of(QUEUE_AND_LATENCY, signals(ok(87), down), 9, Reason.QUEUE_DEPTH, false, true),
        // everything failed: hold, not recorded
        Arguments.of(
            spec(1, 100, 10), signals(down, null), 4, Reason.METRICS_UNAVAILABLE, false, false),
        Arguments.of(
            QUEUE_AND_LATENCY, signals(down, down), 4, Reason.METRICS_UNAVAILABLE, false, false));
  }

  @ParameterizedTest(name = "[{index}] -> {2} {3} available={4} recorded={5}")
  @MethodSource
  void signalCombinations(
      ScalingSpec spec,
      Signals signals,
      int replicas,
      Reason reason,
      boolean available,
      boolean recorded) {
    Recommendation rec = Recommender.recommend(input(spec, 4, signals, 0));
    assertThat(rec.replicas()).isEqualTo(replicas);
    assertThat(rec.reason()).isEqualTo(reason);
    assertThat(rec.metricsAvailable()).isEqualTo(available);
    assertThat(rec.recorded()).isEqualTo(recorded);
    assertThat(rec.consecutiveFailures()).isEqualTo(available ? 0 : 1);
  }

  static Stream<Arguments> failureCount() {
    return Stream.of(
        Arguments.of(signals(ok(40), null), 0, 0),
        Arguments.of(signals(ok(40), null), 5, 0),
        Arguments.of(signals(failed("timeout"), null), 0, 1),
        Arguments.of(signals(failed("timeout"), null), 2, 3),
        Arguments.of(signals(ok(40), failed("timeout")), 2, 3),
        Arguments.of(signals(failed("timeout"), null), Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  @ParameterizedTest(name = "[{index}] previous {1} -> {2}")
  @MethodSource
  void failureCount(Signals signals, int previous, int expected) {
    Recommendation rec = Recommender.recommend(input(QUEUE_AND_LATENCY, 4, signals, previous));
    assertThat(rec.consecutiveFailures()).isEqualTo(expected);
  }

  static Stream<Arguments> fallback() {
    SignalReading down = failed("timeout");
    return Stream.of(
        // threshold reached: fallback replicas
        Arguments.of(3, 6, 2, 4, signals(down, null), 6, Reason.FALLBACK),
        // threshold not yet reached
        Arguments.of(3, 6, 1, 4, signals(down, null), 4, Reason.METRICS_UNAVAILABLE),
        // fallback below current never lowers
        Arguments.of(3, 2, 2, 4, signals(down, null), 4, Reason.FALLBACK),
        // no fallback replicas: keep holding
        Arguments.of(3, null, 10, 4, signals(down, null), 4, Reason.METRICS_UNAVAILABLE),
        // threshold 1: first failure already falls back
        Arguments.of(1, 8, 0, 4, signals(down, null), 8, Reason.FALLBACK),
        // a partial failure where the available signal asks for more keeps the signal
        Arguments.of(3, 6, 5, 4, signals(down, ok(0.42)), 7, Reason.LATENCY),
        // a partial failure where the fallback asks for more
        Arguments.of(3, 12, 5, 4, signals(ok(87), down), 12, Reason.FALLBACK),
        // all available: failures reset, no fallback
        Arguments.of(3, 12, 5, 4, signals(ok(87), ok(0.1)), 9, Reason.QUEUE_DEPTH));
  }

  @ParameterizedTest(name = "[{index}] threshold {0}, fallback {1}, previous {2} -> {5} {6}")
  @MethodSource
  void fallback(
      int threshold,
      Integer fallbackReplicas,
      int previous,
      int current,
      Signals signals,
      int replicas,
      Reason reason) {
    ScalingSpec spec = withFallback(QUEUE_AND_LATENCY, threshold, fallbackReplicas);
    Recommendation rec = Recommender.recommend(input(spec, current, signals, previous));
    assertThat(rec.replicas()).isEqualTo(replicas);
    assertThat(rec.reason()).isEqualTo(reason);
    if (reason == Reason.FALLBACK) {
      assertThat(rec.recorded()).isTrue();
      assertThat(rec.metricsAvailable()).isFalse();
    }
  }

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of(
            spec(1, 100, 10),
            signals(failed("connection refused"), null),
            0,
            "metrics unavailable (queue: connection refused); holding 4 replicas"),
        Arguments.of(
            QUEUE_AND_LATENCY,
            signals(failed("connection refused"), failed("timeout")),
            0,
            "metrics unavailable (queue: connection refused, latency: timeout); holding 4 replicas"),
        Arguments.of(
            QUEUE_AND_LATENCY,
            signals(ok(87), failed("timeout")),
            0,
            "queue depth 87 over target 10 per replica -> 9 replicas;"
                + " metrics unavailable (latency: timeout)"),
        Arguments.of(
            withFallback(spec(1, 100, 10), 3, 6),
            signals(failed("connection refused"), null),
            2,
            "3 consecutive metric failures (queue: connection refused); fallback to 6 replicas"),
        Arguments.of(
            withFallback(spec(1, 100, 10), 1, 2),
            signals(failed("timeout"), null),
            0,
            "1 consecutive metric failure (queue: timeout);"
                + " fallback 2 is below current, holding 4 replicas"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource
  void messages(ScalingSpec spec, Signals signals, int previous, String message) {
    assertThat(Recommender.recommend(input(spec, 4, signals, previous)).message())
        .isEqualTo(message);
  }

  static Stream<Arguments> labelled() {
    return Stream.of(
        Arguments.of("queue", "timeout", "queue: timeout"),
        Arguments.of("queue", "queue: HTTP 503", "queue: HTTP 503"),
        Arguments.of("latency", "queue: HTTP 503", "latency: queue: HTTP 503"),
        Arguments.of("latency", "latency:empty result", "latency:empty result"));
  }

  @ParameterizedTest(name = "{0} + \"{1}\" -> \"{2}\"")
  @MethodSource
  void labelled(String signal, String failure, String expected) {
    assertThat(Recommender.labelled(signal, failure)).isEqualTo(expected);
  }
}
