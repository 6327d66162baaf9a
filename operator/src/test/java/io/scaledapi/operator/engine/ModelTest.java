package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelTest {

  static Stream<Arguments> reasons() {
    return Stream.of(
        Arguments.of(Reason.QUEUE_DEPTH, "QueueDepth"),
        Arguments.of(Reason.LATENCY, "Latency"),
        Arguments.of(Reason.WITHIN_TOLERANCE, "WithinTolerance"),
        Arguments.of(Reason.METRICS_UNAVAILABLE, "MetricsUnavailable"),
        Arguments.of(Reason.FALLBACK, "Fallback"),
        Arguments.of(Reason.BELOW_MIN, "BelowMinReplicas"),
        Arguments.of(Reason.ABOVE_MAX, "AboveMaxReplicas"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void reasons(Reason reason, String condition) {
    assertThat(reason.conditionReason()).isEqualTo(condition);
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of(Limit.NONE, "DesiredWithinRange"),
        Arguments.of(Limit.MIN_REPLICAS, "TooFewReplicas"),
        Arguments.of(Limit.MAX_REPLICAS, "TooManyReplicas"),
        Arguments.of(Limit.SCALE_UP_RATE, "ScaleUpLimit"),
        Arguments.of(Limit.SCALE_DOWN_RATE, "ScaleDownLimit"),
        Arguments.of(Limit.SCALE_DOWN_STABILIZATION, "ScaleDownStabilized"),
        Arguments.of(Limit.SCALE_UP_STABILIZATION, "ScaleUpStabilized"),
        Arguments.of(Limit.SCALING_DISABLED, "ScalingDisabled"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void limits(Limit limit, String condition) {
    assertThat(limit.conditionReason()).isEqualTo(condition);
  }

  static Stream<Arguments> defaults() {
    Duration fifteen = Duration.ofSeconds(15);
    return Stream.of(
        Arguments.of(
            ScalingRules.defaultScaleUp(),
            new ScalingRules(
                Duration.ZERO,
                List.of(
                    new ScalingPolicy(PolicyType.PODS, 4, fifteen),
                    new ScalingPolicy(PolicyType.PERCENT, 100, fifteen)),
                SelectPolicy.MAX)),
        Arguments.of(
            ScalingRules.defaultScaleDown(),
            new ScalingRules(
                Duration.ofSeconds(300),
                List.of(new ScalingPolicy(PolicyType.PERCENT, 100, fifteen)),
                SelectPolicy.MAX)),
        Arguments.of(
            Behavior.defaults(),
            new Behavior(ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown())),
        Arguments.of(Tolerance.DEFAULT, new Tolerance(0.1, 0.1)),
        Arguments.of(Pause.NONE, new Pause(false, false)),
        Arguments.of(
            Fallback.ifHigher(3, 6),
            new Fallback(3, FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER, OptionalInt.of(6))),
        Arguments.of(
            ScalingHistory.empty(), new ScalingHistory(List.of(), List.of(), List.of(), 0)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void defaults(Object actual, Object expected) {
    assertThat(actual).isEqualTo(expected);
  }

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of(SignalReading.of(4.5, T0), true, OptionalDouble.of(4.5), null),
        Arguments.of(SignalReading.failed("timeout"), false, OptionalDouble.empty(), "timeout"),
        Arguments.of(SignalReading.failed(" "), false, OptionalDouble.empty(), "no value"),
        Arguments.of(
            SignalReading.of(Double.NaN, T0),
            false,
            OptionalDouble.empty(),
            "not a finite number: NaN"),
        Arguments.of(
            SignalReading.of(Double.POSITIVE_INFINITY, T0),
            false,
            OptionalDouble.empty(),
            "not a finite number: Infinity"));
  }

  @ParameterizedTest(name = "[{index}] available={1} failure={3}")
  @MethodSource
  void readings(SignalReading reading, boolean available, OptionalDouble value, String failure) {
    assertThat(reading.available()).isEqualTo(available);
    assertThat(reading.value()).isEqualTo(value);
    assertThat(reading.failure()).isEqualTo(failure);
  }

  static Stream<Arguments> invalid() {
    Duration fifteen = Duration.ofSeconds(15);
    return Stream.<ThrowingCallable>of(
            () -> new SignalReading(OptionalDouble.of(1), T0, "both"),
            () -> SignalReading.of(1, null),
            () -> ScalingPolicy.pods(0, fifteen),
            () -> ScalingPolicy.pods(1, Duration.ZERO),
            () -> ScalingPolicy.pods(1, Duration.ofSeconds(1801)),
            () -> new ScalingRules(Duration.ofSeconds(-1), List.of(), SelectPolicy.MAX),
            () -> new ScalingRules(Duration.ofSeconds(3601), List.of(), SelectPolicy.MAX),
            () -> new Fallback(0, FallbackBehavior.CURRENT_REPLICAS, OptionalInt.empty()),
            () -> new Fallback(3, FallbackBehavior.STATIC, OptionalInt.of(-1)),
            () -> new Fallback(3, FallbackBehavior.STATIC, OptionalInt.empty()),
            () -> new Fallback(3, FallbackBehavior.CURRENT_REPLICAS_IF_LOWER, OptionalInt.empty()),
            () -> new Tolerance(0.1, -0.1),
            () -> new Tolerance(Double.NaN, 0.1),
            () -> ScalingSpec.withDefaults(3, 2, 10),
            () -> ScalingSpec.withDefaults(-1, 2, 10),
            () -> ScalingSpec.withDefaults(0, 0, 10),
            () -> ScalingSpec.withDefaults(1, 2, 0),
            () -> ScalingSpec.withDefaults(1, 2, Double.NaN),
            () -> Fixtures.withLatency(ScalingSpec.withDefaults(1, 2, 10), 0),
            () -> Fixtures.withTolerance(ScalingSpec.withDefaults(1, 2, 10), -0.1),
            () -> new ScaleEvent(T0, 0),
            () -> new TimedRecommendation(T0, -1),
            () -> new ScalingHistory(List.of(), List.of(), List.of(), -1),
            () ->
                new ScalingInput(
                    T0,
                    -1,
                    ScalingSpec.withDefaults(1, 2, 10),
                    Fixtures.queue(1),
                    ScalingHistory.empty()))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] rejected")
  @MethodSource
  void invalid(ThrowingCallable construct) {
    assertThatThrownBy(construct)
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
  }

  static Stream<Arguments> scales() {
    return Stream.of(Arguments.of(5, 5, false), Arguments.of(5, 4, true), Arguments.of(5, 6, true));
  }

  @ParameterizedTest(name = "desired {0}, current {1} -> {2}")
  @MethodSource
  void scales(int desired, int current, boolean scales) {
    Decision decision =
        new Decision(
            desired, desired, Reason.QUEUE_DEPTH, "", Limit.NONE, true, ScalingHistory.empty());
    assertThat(decision.scales(current)).isEqualTo(scales);
  }
}
