package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rate policies, as {@code convertDesiredReplicasWithBehaviorRate}, {@code
 * calculateScaleUpLimitWithScalingRules} and {@code calculateScaleDownLimitWithBehaviors} in {@code
 * pkg/controller/podautoscaler/horizontal.go}.
 */
final class RateLimits {

  private RateLimits() {}

  /**
   * Sum of the changes of events strictly after {@code now - period}, as {@code
   * getReplicasChangePerPeriod} in horizontal.go.
   */
  static long replicasChangedWithin(List<ScaleEvent> events, Instant now, Duration period) {
    Instant cutoff = now.minus(period);
    long sum = 0;
    for (ScaleEvent event : events) {
      if (event.at().isAfter(cutoff)) {
        sum += event.replicaChange();
      }
    }
    return sum;
  }

  /**
   * The highest count the scale-up policies allow: per policy, from the count at the start of its
   * period, add the pods or the percentage (rounded up); MAX selects the largest, MIN the smallest;
   * DISABLED gives {@code current}. May be below {@code current}, as in the HPA.
   */
  static int scaleUpLimit(Instant now, int current, ScalingHistory history, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean max = rules.selectPolicy() == SelectPolicy.MAX;
    long result = max ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      long periodStart = periodStart(now, current, history, policy.period());
      long proposed =
          policy.type() == PolicyType.PODS
              ? periodStart + policy.value()
              : (long) Math.ceil(periodStart * (1 + policy.value() / 100.0));
      result = max ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return saturate(result);
  }

  /**
   * The lowest count the scale-down policies allow: per policy, from the count at the start of its
   * period, subtract the pods or the percentage (truncated); MAX selects the smallest count (the
   * biggest change), MIN the largest; DISABLED gives {@code current}. May be above {@code current}.
   */
  static int scaleDownLimit(Instant now, int current, ScalingHistory history, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean max = rules.selectPolicy() == SelectPolicy.MAX;
    long result = max ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      long periodStart = periodStart(now, current, history, policy.period());
      long proposed =
          policy.type() == PolicyType.PODS
              ? periodStart - policy.value()
              : (long) (periodStart * (1 - policy.value() / 100.0));
      result = max ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return saturate(result);
  }

  /**
   * Moves towards its target as far as the policies and bounds allow. Scaling up is capped by the
   * scale-up limit (never below current) and {@code maxReplicas}; scaling down is floored by the
   * scale-down limit (never above current) and {@code minReplicas}.
   */
  static Limited apply(ReplicaMove move, ScalingSpec spec, ScalingHistory history) {
    int current = move.current();
    int target = move.target();
    Behavior behavior = spec.behavior();
    if (target > current) {
      ScalingRules rules = behavior.scaleUp();
      int limit = Math.max(current, scaleUpLimit(move.now(), current, history, rules));
      Limited allowed =
          spec.maxReplicas() > limit
              ? new Limited(limit, rateLimit(rules, Limit.SCALE_UP_RATE))
              : new Limited(spec.maxReplicas(), Limit.MAX_REPLICAS);
      return target > allowed.replicas() ? allowed : Limited.unlimited(target);
    }
    if (target < current) {
      ScalingRules rules = behavior.scaleDown();
      int limit = Math.min(current, scaleDownLimit(move.now(), current, history, rules));
      Limited allowed =
          spec.minReplicas() < limit
              ? new Limited(limit, rateLimit(rules, Limit.SCALE_DOWN_RATE))
              : new Limited(spec.minReplicas(), Limit.MIN_REPLICAS);
      return target < allowed.replicas() ? allowed : Limited.unlimited(target);
    }
    return Limited.unlimited(target);
  }

  private static long periodStart(
      Instant now, int current, ScalingHistory history, Duration period) {
    return current
        - replicasChangedWithin(history.scaleUpEvents(), now, period)
        + replicasChangedWithin(history.scaleDownEvents(), now, period);
  }

  private static Limit rateLimit(ScalingRules rules, Limit rate) {
    return rules.selectPolicy() == SelectPolicy.DISABLED ? Limit.SCALING_DISABLED : rate;
  }

  private static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
