package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.Objects;

/** Scale-up and scale-down rules, as in the HPA's {@code behavior} field. */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  /** Checks that both rules are set. */
  public Behavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /** The HPA default behavior. */
  public static Behavior defaults() {
    return new Behavior(ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown());
  }

  /** The longer of the two stabilization windows. */
  public Duration longestWindow() {
    return max(scaleUp.stabilizationWindow(), scaleDown.stabilizationWindow());
  }

  /** The longest policy period in either direction. */
  public Duration longestPeriod() {
    return max(scaleUp.longestPeriod(), scaleDown.longestPeriod());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
