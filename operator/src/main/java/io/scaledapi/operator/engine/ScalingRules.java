package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The rules for one direction of scaling: a stabilization window, rate policies and how to select
 * among them. The window must be in [0, 3600 s], as for the HPA.
 */
public record ScalingRules(
    Duration stabilizationWindow, List<ScalingPolicy> policies, SelectPolicy selectPolicy) {

  /** Longest stabilization window allowed (the HPA's limit). */
  public static final Duration MAX_WINDOW = Duration.ofSeconds(3600);

  private static final Duration FIFTEEN_SECONDS = Duration.ofSeconds(15);

  /** Checks the window and copies the policies. */
  public ScalingRules {
    Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    if (stabilizationWindow.isNegative() || stabilizationWindow.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "stabilization window must be in [0, 3600s]: " + stabilizationWindow);
    }
    policies = List.copyOf(policies);
  }

  /** HPA scale-up defaults: no window, 4 pods or 100% per 15 s, whichever is more. */
  public static ScalingRules defaultScaleUp() {
    return new ScalingRules(
        Duration.ZERO,
        List.of(
            ScalingPolicy.pods(4, FIFTEEN_SECONDS), ScalingPolicy.percent(100, FIFTEEN_SECONDS)),
        SelectPolicy.MAX);
  }

  /** HPA scale-down defaults: 300 s window, 100% per 15 s. */
  public static ScalingRules defaultScaleDown() {
    return new ScalingRules(
        Duration.ofSeconds(300),
        List.of(ScalingPolicy.percent(100, FIFTEEN_SECONDS)),
        SelectPolicy.MAX);
  }

  /** The longest policy period, or zero without policies. */
  public Duration longestPeriod() {
    Duration longest = Duration.ZERO;
    for (ScalingPolicy policy : policies) {
      if (policy.period().compareTo(longest) > 0) {
        longest = policy.period();
      }
    }
    return longest;
  }
}
