package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.p;
import static io.scaledapi.operator.engine.Fixtures.percent;
import static io.scaledapi.operator.engine.Fixtures.recs;
import static io.scaledapi.operator.engine.Fixtures.rules;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withBehavior;
import static io.scaledapi.operator.engine.Fixtures.withFallback;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingEngineTest {

  private static final Limit UP = Limit.SCALE_UP_RATE;
  private static final Limit NONE = Limit.NONE;

  static Stream<Arguments> failedSignals() {
    ScalingSpec latency = withLatency(spec(1, 100, 10), 0.25);
    return Stream.of(
        // everything failed: hold, do not record
        Arguments.of(spec(1, 100, 10), signals(failed("refused"), null), 4, 4, false, 3),
        Arguments.of(latency, signals(failed("refused"), failed("timeout")), 4, 4, false, 3),
        // a failed signal never lets the other lower replicas
        Arguments.of(latency, signals(ok(0), failed("timeout")), 4, 4, true, 3),
        Arguments.of(latency, signals(failed("refused"), ok(0.01)), 4, 4, true, 3),
        // but the other may raise them
        Arguments.of(latency, signals(failed("refused"), ok(0.5)), 4, 8, true, 3));
  }

  @ParameterizedTest(name = "[{index}] current {2} -> {3}, recorded {4}")
  @MethodSource
  void failedSignals(
      ScalingSpec spec, Signals signals, int current, int desired, boolean recorded, int failures) {
    ScalingSpec noDownWindow =
        withBehavior(
            spec,
            new Behavior(
                ScalingRules.defaultScaleUp(),
                rules(Duration.ZERO, SelectPolicy.MAX, percent(100, 15))));
    List<TimedRecommendation> previous = recs(T0, p(0, 1));
    ScalingHistory history = new ScalingHistory(previous, List.of(), List.of(), failures - 1);
    Decision decision =
        ScalingEngine.decide(new ScalingInput(T0, current, noDownWindow, signals, history));
    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.metricsAvailable()).isFalse();
    assertThat(decision.history().consecutiveFailures()).isEqualTo(failures);
    List<TimedRecommendation> expected = new ArrayList<>(previous);
    if (recorded) {
      expected.add(new TimedRecommendation(T0, desired));
    }
    assertThat(decision.history().recommendations()).isEqualTo(expected);
  }

  static Stream<Arguments> fallback() {
    return Stream.of(
        Arguments.of(
            1,
            20,
            1,
            5,
            Reason.FALLBACK,
            UP,
            "2 consecutive metric failures (queue: timeout); fallback to 20 replicas;"
                + " limited to 5 by scale-up policy"),
        Arguments.of(
            8,
            3,
            1,
            8,
            Reason.FALLBACK,
            NONE,
            "2 consecutive metric failures (queue: timeout);"
                + " fallback 3 is below current, holding 8 replicas"),
        Arguments.of(
            4,
            6,
            0,
            4,
            Reason.METRICS_UNAVAILABLE,
            NONE,
            "metrics unavailable (queue: timeout); holding 4 replicas"),
        Arguments.of(
            90,
            200,
            1,
            100,
            Reason.FALLBACK,
            Limit.MAX_REPLICAS,
            "2 consecutive metric failures (queue: timeout); fallback to 200 replicas;"
                + " limited to 100 by maxReplicas"));
  }

  @ParameterizedTest(name = "[{index}] {6}")
  @MethodSource
  void fallback(
      int current,
      int fallbackReplicas,
      int previousFailures,
      int desired,
      Reason reason,
      Limit limit,
      String message) {
    ScalingSpec spec = withFallback(spec(1, 100, 10), 2, fallbackReplicas);
    ScalingHistory history = new ScalingHistory(List.of(), List.of(), List.of(), previousFailures);
    Signals signals = signals(failed("timeout"), null);
    Decision decision = ScalingEngine.decide(new ScalingInput(T0, current, spec, signals, history));
    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.limitedBy()).isEqualTo(limit);
    assertThat(decision.message()).isEqualTo(message);
    assertThat(decision.desiredReplicas()).isGreaterThanOrEqualTo(current);
  }

  static Stream<Arguments> messages() {
    ScalingSpec latency = withLatency(spec(1, 100, 10), 0.25);
    ScalingHistory held = new ScalingHistory(recs(T0, p(60, 10)), List.of(), List.of(), 0);
    ScalingHistory empty = ScalingHistory.empty();
    return Stream.of(
        Arguments.of(
            spec(1, 100, 10),
            4,
            queueSignals(87),
            empty,
            8,
            9,
            "queue depth 87 over target 10 per replica -> 9 replicas;"
                + " limited to 8 by scale-up policy"),
        Arguments.of(
            spec(1, 100, 10),
            7,
            queueSignals(87),
            empty,
            9,
            9,
            "queue depth 87 over target 10 per replica -> 9 replicas"),
        Arguments.of(
            latency,
            4,
            signals(ok(31), ok(0.42)),
            empty,
            7,
            7,
            "latency 0.42s over target 0.25s -> 7 replicas"),
        Arguments.of(
            spec(1, 100, 10),
            3,
            queueSignals(31),
            empty,
            3,
            3,
            "queue depth 31 within tolerance of 3 x 10"),
        Arguments.of(
            spec(1, 100, 10),
            4,
            signals(failed("connection refused"), null),
            empty,
            4,
            4,
            "metrics unavailable (queue: connection refused); holding 4 replicas"),
        Arguments.of(
            spec(1, 100, 10),
            10,
            queueSignals(20),
            held,
            10,
            2,
            "queue depth 20 under target 10 per replica -> 2 replicas;"
                + " held at 10 by scale-down stabilization window"));
  }

  @ParameterizedTest(name = "{6}")
  @MethodSource
  void messages(
      ScalingSpec spec,
      int current,
      Signals signals,
      ScalingHistory history,
      int desired,
      int recommended,
      String message) {
    Decision decision = ScalingEngine.decide(new ScalingInput(T0, current, spec, signals, history));
    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.recommendedReplicas()).isEqualTo(recommended);
    assertThat(decision.message()).isEqualTo(message);
  }

  private static Signals queueSignals(double depth) {
    return Signals.queueOnly(ok(depth));
  }
}
