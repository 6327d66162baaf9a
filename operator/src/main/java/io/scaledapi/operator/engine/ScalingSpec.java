package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the user asked for: replica bounds, the queue depth one replica should carry, the share of a
 * replica's capacity to provision for once that capacity is known, an optional latency target in
 * seconds, the tolerance, behavior and fallback.
 *
 * <p>Requires {@code 0 <= minReplicas <= maxReplicas}, {@code maxReplicas >= 1}, a positive finite
 * queue target, a target utilization in {@code (0, 1]}, a positive finite latency target when
 * present and a finite tolerance {@code >= 0}.
 */
public record ScalingSpec(
    int minReplicas,
    int maxReplicas,
    double queueTargetPerReplica,
    double targetUtilization,
    OptionalDouble latencyTargetSeconds,
    double tolerance,
    Behavior behavior,
    Fallback fallback) {

  /** The HPA's default tolerance. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** The share of capacity provisioned for unless the spec says otherwise. */
  public static final double DEFAULT_TARGET_UTILIZATION = 0.7;

  /** Checks bounds and targets. */
  public ScalingSpec {
    Objects.requireNonNull(latencyTargetSeconds, "latencyTargetSeconds");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(fallback, "fallback");
    if (minReplicas < 0 || maxReplicas < 1 || minReplicas > maxReplicas) {
      throw new IllegalArgumentException(
          "need 0 <= minReplicas <= maxReplicas and maxReplicas >= 1: "
              + minReplicas
              + ".."
              + maxReplicas);
    }
    requirePositive("queueTargetPerReplica", queueTargetPerReplica);
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilization must be in (0, 1]: " + targetUtilization);
    }
    if (latencyTargetSeconds.isPresent()) {
      requirePositive("latencyTargetSeconds", latencyTargetSeconds.getAsDouble());
    }
    if (!Double.isFinite(tolerance) || tolerance < 0) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
    }
  }

  /** A queue-only spec with the default tolerance, behavior and no fallback. */
  public static ScalingSpec withDefaults(
      int minReplicas, int maxReplicas, double queueTargetPerReplica) {
    return new ScalingSpec(
        minReplicas,
        maxReplicas,
        queueTargetPerReplica,
        DEFAULT_TARGET_UTILIZATION,
        OptionalDouble.empty(),
        DEFAULT_TOLERANCE,
        Behavior.defaults(),
        Fallback.none());
  }

  private static void requirePositive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be positive and finite: " + value);
    }
  }
}
