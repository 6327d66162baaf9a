package io.scaledapi.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.FallbackBehavior;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.engine.Fallback;
import io.scaledapi.operator.engine.Pause;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.engine.Tolerance;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fallback behaviour, the per-direction tolerances and the paused directions, as parsed. */
class DirectionControlsParsingTest {

  private static ScaledApiSpec spec(Double tolerance, BehaviorSpec behavior, FallbackSpec fb) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        1,
        10,
        "15s",
        null,
        new QueueSpec("sum(q)", 10.0),
        null,
        null,
        null,
        behavior,
        tolerance,
        fb,
        null,
        null);
  }

  private static BehaviorSpec tolerances(Double up, Double down) {
    return new BehaviorSpec(
        up == null ? null : new ScalingRulesSpec(null, null, null, up),
        down == null ? null : new ScalingRulesSpec(null, null, null, down));
  }

  private static ScalingSpec parsed(ScaledApiSpec spec) {
    ParsedSpec parsed = SpecParser.parse(spec);
    assertThat(parsed.problems()).isEmpty();
    return ((ParsedSpec.Valid) parsed).settings().scaling();
  }

  /** A direction's own tolerance, else the deprecated spec.tolerance, else the HPA's 0.1. */
  static Stream<Arguments> tolerancePrecedence() {
    return Stream.of(
        Arguments.of(null, null, null, new Tolerance(0.1, 0.1)),
        Arguments.of(0.05, null, null, new Tolerance(0.05, 0.05)),
        Arguments.of(null, 0.02, 0.2, new Tolerance(0.02, 0.2)),
        Arguments.of(0.05, 0.02, null, new Tolerance(0.02, 0.05)),
        Arguments.of(0.05, null, 0.3, new Tolerance(0.05, 0.3)),
        Arguments.of(0.3, 0.0, 0.0, new Tolerance(0.0, 0.0)));
  }

  @ParameterizedTest(name = "[{index}] spec {0}, up {1}, down {2} -> {3}")
  @MethodSource
  void tolerancePrecedence(Double shared, Double up, Double down, Tolerance expected) {
    assertThat(parsed(spec(shared, tolerances(up, down), null)).tolerance()).isEqualTo(expected);
  }

  /** Without a behaviour: raise to replicas when given (never lower), otherwise hold. */
  static Stream<Arguments> fallbackBehaviour() {
    return Stream.of(
        Arguments.of(null, Optional.empty()),
        Arguments.of(
            new FallbackSpec(3, 6),
            Optional.of(
                new Fallback(
                    3,
                    io.scaledapi.operator.engine.FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER,
                    OptionalInt.of(6)))),
        Arguments.of(
            new FallbackSpec(5, null),
            Optional.of(
                new Fallback(
                    5,
                    io.scaledapi.operator.engine.FallbackBehavior.CURRENT_REPLICAS,
                    OptionalInt.empty()))),
        Arguments.of(
            new FallbackSpec(null, 2, FallbackBehavior.STATIC),
            Optional.of(
                new Fallback(
                    3, io.scaledapi.operator.engine.FallbackBehavior.STATIC, OptionalInt.of(2)))),
        Arguments.of(
            new FallbackSpec(null, 2, FallbackBehavior.CURRENT_REPLICAS_IF_LOWER),
            Optional.of(
                new Fallback(
                    3,
                    io.scaledapi.operator.engine.FallbackBehavior.CURRENT_REPLICAS_IF_LOWER,
                    OptionalInt.of(2)))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void fallbackBehaviour(FallbackSpec given, Optional<Fallback> expected) {
    assertThat(parsed(spec(null, null, given)).fallback()).isEqualTo(expected);
  }

  static Stream<FallbackBehavior> needingReplicas() {
    return Stream.of(
        FallbackBehavior.STATIC,
        FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER,
        FallbackBehavior.CURRENT_REPLICAS_IF_LOWER);
  }

  @ParameterizedTest
  @MethodSource
  void needingReplicas(FallbackBehavior behavior) {
    ParsedSpec parsed = SpecParser.parse(spec(null, null, new FallbackSpec(3, null, behavior)));
    assertThat(parsed.problems())
        .containsExactly(
            "spec.fallback.behavior static, currentReplicasIfHigher and currentReplicasIfLower"
                + " need spec.fallback.replicas: set it, or use behavior currentReplicas");
  }

  static Stream<Arguments> toleranceOutOfRange() {
    return Stream.of(
        Arguments.of(
            tolerances(-0.1, null),
            "spec.behavior.scaleUp.tolerance must be between 0 and 1, e.g. 0.1; got -0.1"),
        Arguments.of(
            tolerances(null, 1.5),
            "spec.behavior.scaleDown.tolerance must be between 0 and 1, e.g. 0.1; got 1.5"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void toleranceOutOfRange(BehaviorSpec behavior, String problem) {
    assertThat(SpecParser.parse(spec(null, behavior, null)).problems()).containsExactly(problem);
  }

  static Stream<Arguments> pausedDirections() {
    return Stream.of(
        Arguments.of(null, null, Pause.NONE),
        Arguments.of(true, null, new Pause(true, false)),
        Arguments.of(false, true, new Pause(false, true)),
        Arguments.of(true, true, new Pause(true, true)));
  }

  @ParameterizedTest(name = "up {0}, down {1}")
  @MethodSource
  void pausedDirections(Boolean up, Boolean down, Pause expected) {
    ScaledApiSpec spec = spec(null, null, null).withPausedDirections(up, down);
    assertThat(parsed(spec).pause()).isEqualTo(expected);
  }
}
