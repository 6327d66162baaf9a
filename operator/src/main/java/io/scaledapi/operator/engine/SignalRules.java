package io.scaledapi.operator.engine;

import java.util.Optional;

/**
 * The per-signal rules: the queue rule and the latency rule, each with the tolerance. They follow
 * the HPA's {@code pkg/controller/podautoscaler/replica_calculator.go}.
 */
final class SignalRules {

  /** Relative slack so that e.g. 1.1 / 0.1 = 11.000000000000002 still rounds up to 11. */
  private static final double ROUNDING_SLACK = 1e-9;

  private SignalRules() {}

  /**
   * Rounds a replica count up, ignoring floating-point noise; negative and NaN give 0, too many to
   * count (infinity too) {@link Integer#MAX_VALUE}.
   */
  static int ceilReplicas(double replicas) {
    if (!(replicas > 0)) {
      return 0;
    }
    if (replicas >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    double rounded = Math.ceil(replicas - ROUNDING_SLACK * Math.max(1.0, replicas));
    return rounded >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) rounded;
  }

  /**
   * The queue rule, as {@code GetExternalPerPodMetricReplicas} in {@code replica_calculator.go}:
   * with usage ratio {@code depth / (target * current)} within tolerance it keeps {@code current},
   * otherwise it proposes {@code ceil(depth / target)}. From zero replicas there is no tolerance.
   */
  static Proposal queue(double depth, int current, ScalingSpec spec) {
    double target = spec.queueTargetPerReplica();
    double load = Math.max(0.0, depth);
    if (current > 0 && spec.tolerance().isWithin(load / (target * current))) {
      return new Proposal(
          current,
          Reason.WITHIN_TOLERANCE,
          "queue depth "
              + Format.number(depth)
              + " within tolerance of "
              + current
              + " x "
              + Format.number(target));
    }
    int replicas = ceilReplicas(load / target);
    String relation = replicas > current ? "over" : replicas < current ? "under" : "at";
    return new Proposal(
        replicas,
        Reason.QUEUE_DEPTH,
        "queue depth "
            + Format.number(depth)
            + " "
            + relation
            + " target "
            + Format.number(target)
            + " per replica -> "
            + Format.replicas(replicas));
  }

  /**
   * The latency rule; it only ever pushes up. With a latency target and latency beyond tolerance
   * above it, it proposes {@code ceil(current * latency / target)} ({@code ceil(latency / target)}
   * from zero replicas, without tolerance), as {@code getUsageRatioReplicaCount} in {@code
   * replica_calculator.go}. Otherwise it proposes nothing.
   */
  static Optional<Proposal> latency(double seconds, int current, ScalingSpec spec) {
    if (spec.latencyTargetSeconds().isEmpty()) {
      return Optional.empty();
    }
    double target = spec.latencyTargetSeconds().getAsDouble();
    double ratio = seconds / target;
    if (ratio <= 1.0 || (current > 0 && spec.tolerance().isWithin(ratio))) {
      return Optional.empty();
    }
    int replicas = current == 0 ? ceilReplicas(ratio) : ceilReplicas(ratio * current);
    return Optional.of(
        new Proposal(
            replicas,
            Reason.LATENCY,
            "latency "
                + Format.number(seconds)
                + "s over target "
                + Format.number(target)
                + "s -> "
                + Format.replicas(replicas)));
  }
}
