package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate policy: at most {@code value} pods (or percent) of change within {@code period}. As for
 * the HPA, the value must be positive and the period in (0, 1800 s].
 */
public record ScalingPolicy(PolicyType type, int value, Duration period) {

  /** Longest period a policy may have (the HPA's limit). */
  public static final Duration MAX_PERIOD = Duration.ofSeconds(1800);

  /** Checks the value and period. */
  public ScalingPolicy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(period, "period");
    if (value <= 0) {
      throw new IllegalArgumentException("policy value must be positive: " + value);
    }
    if (period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("policy period must be in (0, 1800s]: " + period);
    }
  }

  /** A policy allowing {@code pods} pods of change per period. */
  public static ScalingPolicy pods(int pods, Duration period) {
    return new ScalingPolicy(PolicyType.PODS, pods, period);
  }

  /** A policy allowing {@code percent} percent of change per period. */
  public static ScalingPolicy percent(int percent, Duration period) {
    return new ScalingPolicy(PolicyType.PERCENT, percent, period);
  }
}
