package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.queue;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withFallback;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static io.scaledapi.operator.engine.Fixtures.withPause;
import static io.scaledapi.operator.engine.Fixtures.withTolerance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The controls users of KEDA and the HPA look for, through the whole decision: KEDA's fallback
 * behaviours, the HPA's per-direction tolerance (KEP-4951) and pausing one direction.
 */
class DirectionControlsTest {
  private static final Signals DOWN = signals(failed("timeout"), null);
  private static final String FAILED = "2 consecutive metric failures (queue: timeout); ";

  private static ScalingSpec fallback(FallbackBehavior behavior, Integer replicas) {
    return withFallback(
        spec(1, 100, 10),
        Optional.of(
            new Fallback(
                2, behavior, replicas == null ? OptionalInt.empty() : OptionalInt.of(replicas))));
  }

  private static Decision decide(ScalingSpec spec, int current, Signals signals, int failures) {
    ScalingHistory history = new ScalingHistory(List.of(), List.of(), List.of(), failures);
    return ScalingEngine.decide(new ScalingInput(T0, current, spec, signals, history));
  }

  static Stream<Arguments> fallbackBehaviours() {
    FallbackBehavior fixed = FallbackBehavior.STATIC;
    FallbackBehavior current = FallbackBehavior.CURRENT_REPLICAS;
    FallbackBehavior higher = FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER;
    FallbackBehavior lower = FallbackBehavior.CURRENT_REPLICAS_IF_LOWER;
    return Stream.of(
        Arguments.of(fixed, 3, 8, 3, "fallback static lowers to 3 replicas"),
        Arguments.of(fixed, 6, 3, 6, "fallback to 6 replicas"),
        Arguments.of(fixed, 0, 8, 1, "fallback static lowers to 0 replicas; limited to 1 by"),
        Arguments.of(current, 3, 8, 8, "fallback currentReplicas, holding 8 replicas"),
        Arguments.of(current, null, 8, 8, "fallback currentReplicas, holding 8 replicas"),
        Arguments.of(higher, 3, 8, 8, "fallback 3 is below current, holding 8 replicas"),
        Arguments.of(higher, 6, 3, 6, "fallback to 6 replicas"),
        Arguments.of(lower, 3, 8, 3, "fallback currentReplicasIfLower lowers to 3 replicas"),
        Arguments.of(lower, 6, 3, 3, "fallback 6 is above current, holding 3 replicas"));
  }

  @ParameterizedTest(name = "[{index}] {0} to {1} at {2} -> {3}")
  @MethodSource
  void fallbackBehaviours(
      FallbackBehavior behavior, Integer replicas, int current, int desired, String action) {
    ScalingSpec spec = fallback(behavior, replicas);

    Decision before = decide(spec, current, DOWN, 0);
    Decision at = decide(spec, current, DOWN, 1);

    assertThat(before.desiredReplicas()).as("below the threshold: held").isEqualTo(current);
    assertThat(before.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
    assertThat(at.desiredReplicas()).isEqualTo(desired);
    assertThat(at.reason()).isEqualTo(Reason.FALLBACK);
    assertThat(at.message()).startsWith(FAILED + action);
  }

  /** A signal still read that asks for more than the fallback and the current count wins. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("behaviours")
  void anAvailableSignalAskingForMoreWinsOverEveryBehaviour(FallbackBehavior behavior) {
    ScalingSpec spec =
        withLatency(
            fallback(behavior, behavior == FallbackBehavior.CURRENT_REPLICAS ? null : 2), 1);

    Decision decision = decide(spec, 4, signals(failed("timeout"), ok(1.5)), 5);

    assertThat(decision.desiredReplicas()).isEqualTo(6);
    assertThat(decision.reason()).isEqualTo(Reason.LATENCY);
  }

  static Stream<FallbackBehavior> behaviours() {
    return Stream.of(FallbackBehavior.values());
  }

  static Stream<Arguments> pausedDirections() {
    Pause up = new Pause(true, false);
    Pause down = new Pause(false, true);
    Pause both = new Pause(true, true);
    Limit upPaused = Limit.SCALE_UP_PAUSED;
    Limit downPaused = Limit.SCALE_DOWN_PAUSED;
    return Stream.of(
        // queue 87 asks for 9 (8 after the scale-up policy), queue 10 for 1
        Arguments.of(up, 4, 87, 4, upPaused, "; held at 4 by spec.pausedScaleUp"),
        Arguments.of(up, 4, 10, 1, Limit.NONE, "-> 1 replica"),
        Arguments.of(down, 4, 10, 4, downPaused, "; held at 4 by spec.pausedScaleDown"),
        Arguments.of(down, 4, 87, 8, Limit.SCALE_UP_RATE, "limited to 8 by scale-up policy"),
        Arguments.of(both, 4, 87, 4, upPaused, "; held at 4 by spec.pausedScaleUp"),
        Arguments.of(both, 4, 10, 4, downPaused, "; held at 4 by spec.pausedScaleDown"),
        Arguments.of(Pause.NONE, 4, 10, 1, Limit.NONE, "-> 1 replica"),
        // the bounds do not move a paused direction either
        Arguments.of(up, 0, 87, 0, upPaused, "below minReplicas 1 -> 1 replica; held at 0 by"),
        Arguments.of(down, 120, 87, 120, downPaused, "above maxReplicas 100 -> 100 replicas;"),
        Arguments.of(up, 120, 87, 100, Limit.MAX_REPLICAS, "above maxReplicas 100 -> 100"));
  }

  @ParameterizedTest(name = "[{index}] {0} at {1}, queue {2} -> {3} {4}")
  @MethodSource
  void pausedDirections(
      Pause pause, int current, double depth, int desired, Limit limit, String message) {
    Decision decision = decide(withPause(spec(1, 100, 10), pause), current, queue(depth), 0);

    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.limitedBy()).isEqualTo(limit);
    assertThat(decision.message()).contains(message);
  }

  /** The recommendation a pause holds back is still recorded for the stabilization windows. */
  @ParameterizedTest(name = "queue {0}")
  @MethodSource("depths")
  void aPauseStillRecordsTheRecommendation(double depth) {
    Decision decision =
        decide(withPause(spec(1, 100, 10), new Pause(true, true)), 4, queue(depth), 0);

    assertThat(decision.desiredReplicas()).isEqualTo(4);
    assertThat(decision.history().recommendations())
        .containsExactly(new TimedRecommendation(T0, decision.recommendedReplicas()));
    assertThat(decision.recommendedReplicas()).isNotEqualTo(4);
  }

  static Stream<Double> depths() {
    return Stream.of(10.0, 87.0);
  }

  static Stream<Arguments> pausedFallback() {
    return Stream.of(
        Arguments.of(new Pause(true, false), FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER, 20, 4),
        Arguments.of(new Pause(false, true), FallbackBehavior.STATIC, 2, 4),
        Arguments.of(new Pause(true, false), FallbackBehavior.STATIC, 2, 2),
        Arguments.of(new Pause(false, true), FallbackBehavior.STATIC, 20, 8));
  }

  /** The fallback moves replicas only in a direction that is not paused. */
  @ParameterizedTest(name = "[{index}] {0} {1} to {2} -> {3}")
  @MethodSource
  void pausedFallback(Pause pause, FallbackBehavior behavior, int replicas, int desired) {
    Decision decision = decide(withPause(fallback(behavior, replicas), pause), 4, DOWN, 1);

    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.reason()).isEqualTo(Reason.FALLBACK);
  }

  static Stream<Arguments> toleranceByDirection() {
    Tolerance eager = new Tolerance(0.02, 0.2);
    return Stream.of(
        // at 10 replicas of 10 each: a queue of 103 is a 3% excess, 85 a 15% shortfall
        Arguments.of(eager, 103, 11, Reason.QUEUE_DEPTH),
        Arguments.of(Tolerance.DEFAULT, 103, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(eager, 101, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(eager, 85, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(eager, 81, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(eager, 79, 8, Reason.QUEUE_DEPTH),
        Arguments.of(Tolerance.DEFAULT, 85, 9, Reason.QUEUE_DEPTH),
        // a scale-down tolerance of 1: never down on the ratio, even on an empty queue
        Arguments.of(new Tolerance(0.1, 1), 0, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(new Tolerance(0.1, 1), 150, 15, Reason.QUEUE_DEPTH));
  }

  @ParameterizedTest(name = "[{index}] {0}, queue {1} -> {2}")
  @MethodSource
  void toleranceByDirection(Tolerance tolerance, double depth, int recommended, Reason reason) {
    Decision decision = decide(withTolerance(spec(1, 100, 10), tolerance), 10, queue(depth), 0);

    assertThat(decision.recommendedReplicas()).isEqualTo(recommended);
    assertThat(decision.reason()).isEqualTo(reason);
  }

  static Stream<Arguments> latencyToleranceIsTheScaleUpOne() {
    return Stream.of(
        Arguments.of(new Tolerance(0.02, 0.5), 1.05, 6),
        Arguments.of(new Tolerance(0.1, 0.0), 1.05, 5),
        Arguments.of(new Tolerance(0.0, 0.0), 0.5, 5));
  }

  /** The latency rule only pushes up, so only the scale-up tolerance applies to it. */
  @ParameterizedTest(name = "[{index}] {0}, latency {1}s -> {2}")
  @MethodSource
  void latencyToleranceIsTheScaleUpOne(Tolerance tolerance, double seconds, int recommended) {
    ScalingSpec spec = withTolerance(withLatency(spec(1, 100, 10), 1), tolerance);

    Decision decision = decide(spec, 5, signals(ok(50), ok(seconds)), 0);

    assertThat(decision.recommendedReplicas()).isEqualTo(recommended);
  }
}
