package io.scaledapi.operator.sim;

import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.PolicyType;
import io.scaledapi.operator.engine.ScaleEvent;
import io.scaledapi.operator.engine.ScalingPolicy;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.SelectPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The HPA's stateless replica rules, one function per rule of kubernetes/kubernetes {@code
 * pkg/controller/podautoscaler}: the per-pod external metric rule and its tolerance from {@code
 * replica_calculator.go}, and the scale limits from {@code horizontal.go}, both the built-in ones
 * used when an HPA has no {@code behavior} field and the rate policies used when it has one.
 *
 * <p>Written separately from the engine's own rules (which follow the behavior path only), so the
 * baseline does not inherit the operator's choices.
 */
final class HpaRules {

  private HpaRules() {}

  /**
   * {@code Tolerances.isWithin} in replica_calculator.go: the ratio is left alone when it lies in
   * {@code [1 - tolerance, 1 + tolerance]}. NaN is never within.
   */
  static boolean withinTolerance(double usageRatio, double tolerance) {
    return 1.0 - tolerance <= usageRatio && usageRatio <= 1.0 + tolerance;
  }

  /**
   * {@code GetExternalPerPodMetricReplicas} in replica_calculator.go, in the milli-units the
   * external metrics API carries: the usage ratio is {@code usage / (target × statusReplicas)};
   * within tolerance the count stays at {@code statusReplicas}, otherwise it becomes {@code
   * ceil(usage / target)}, whatever the current count.
   */
  static int perPodReplicas(
      long usageMilli, long targetMilli, int statusReplicas, double tolerance) {
    double usageRatio = (double) usageMilli / ((double) targetMilli * statusReplicas);
    if (withinTolerance(usageRatio, tolerance)) {
      return statusReplicas;
    }
    return saturate((long) Math.ceil((double) usageMilli / targetMilli));
  }

  /**
   * {@code calculateScaleUpLimit} in horizontal.go, the built-in limit without a behavior field:
   * one sync may raise the count to {@code max(2 × current, 4)}.
   */
  static int builtInScaleUpLimit(int current) {
    return saturate(Math.max(2L * current, 4L));
  }

  /**
   * {@code convertDesiredReplicasWithRules} in horizontal.go: below {@code min} gives {@code min};
   * above the smaller of {@code max} and the built-in scale-up limit gives that limit. There is no
   * scale-down rate limit on this path.
   */
  static int builtInLimits(int current, int desired, int min, int max) {
    int maxAllowed = Math.min(max, builtInScaleUpLimit(current));
    if (desired < min) {
      return min;
    }
    return Math.min(desired, maxAllowed);
  }

  /**
   * {@code getReplicasChangePerPeriod} in horizontal.go: the replicas changed by the events
   * strictly after {@code now - period}.
   */
  static long changedWithin(List<ScaleEvent> events, Instant now, Duration period) {
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
   * {@code calculateScaleUpLimitWithScalingRules} in horizontal.go: per policy, from the count at
   * the start of its period (current minus what was added plus what was removed within it), add the
   * pods or the percentage rounded up; {@code Max} takes the largest, {@code Min} the smallest;
   * {@code Disabled} gives {@code current}.
   */
  static int scaleUpLimit(
      Instant now, int current, List<ScaleEvent> up, List<ScaleEvent> down, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    long result = min ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      long start = periodStart(now, current, up, down, policy.period());
      long proposed =
          policy.type() == PolicyType.PODS
              ? start + policy.value()
              : (long) Math.ceil(start * (1 + policy.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return saturate(result);
  }

  /**
   * {@code calculateScaleDownLimitWithBehaviors} in horizontal.go: per policy, from the count at
   * the start of its period, subtract the pods or the percentage truncated; {@code Max} takes the
   * smallest count, {@code Min} the largest; {@code Disabled} gives {@code current}.
   */
  static int scaleDownLimit(
      Instant now, int current, List<ScaleEvent> up, List<ScaleEvent> down, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    long result = min ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      long start = periodStart(now, current, up, down, policy.period());
      long proposed =
          policy.type() == PolicyType.PODS
              ? start - policy.value()
              : (long) (start * (1 - policy.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return saturate(result);
  }

  /**
   * {@code convertDesiredReplicasWithBehaviorRate} in horizontal.go: a rise is capped by the
   * scale-up limit (never below current) and {@code max}; a fall is floored by the scale-down limit
   * (never above current) and {@code min}.
   */
  static int behaviorLimits(
      Instant now,
      int current,
      int desired,
      ReplicaRange bounds,
      List<ScaleEvent> up,
      List<ScaleEvent> down,
      Behavior behavior) {
    if (desired > current) {
      int limit = Math.max(current, scaleUpLimit(now, current, up, down, behavior.scaleUp()));
      return Math.min(desired, Math.min(bounds.max(), limit));
    }
    if (desired < current) {
      int limit = Math.min(current, scaleDownLimit(now, current, up, down, behavior.scaleDown()));
      return Math.max(desired, Math.max(bounds.min(), limit));
    }
    return desired;
  }

  /** {@code spec.minReplicas} and {@code spec.maxReplicas}. */
  record ReplicaRange(int min, int max) {
    ReplicaRange {
      if (min < 1 || max < min) {
        throw new IllegalArgumentException(
            "need 1 <= minReplicas <= maxReplicas: " + min + ", " + max);
      }
    }
  }

  private static long periodStart(
      Instant now, int current, List<ScaleEvent> up, List<ScaleEvent> down, Duration period) {
    return current - changedWithin(up, now, period) + changedWithin(down, now, period);
  }

  private static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
