package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the user asked for: replica bounds, the queue depth one replica should carry, the share of a
 * replica's capacity to provision for once that capacity is known, an optional latency target in
 * seconds, the tolerance per direction, behavior, the fallback if any, and the paused directions.
 *
 * <p>Requires {@code 0 <= minReplicas <= maxReplicas}, {@code maxReplicas >= 1}, a positive finite
 * queue target, a target utilization in {@code (0, 1]} and a positive finite latency target when
 * present.
 */
public record ScalingSpec(
    int minReplicas,
    int maxReplicas,
    double queueTargetPerReplica,
    double targetUtilization,
    OptionalDouble latencyTargetSeconds,
    Tolerance tolerance,
    Behavior behavior,
    Optional<Fallback> fallback,
    Pause pause) {

  /** The share of capacity provisioned for unless the spec says otherwise. */
  public static final double DEFAULT_TARGET_UTILIZATION = 0.7;

  /** Checks bounds and targets. */
  public ScalingSpec {
    Objects.requireNonNull(latencyTargetSeconds, "latencyTargetSeconds");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(pause, "pause");
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
  }

  /** A queue-only spec with the default tolerance and behavior, no fallback and no pause. */
  public static ScalingSpec withDefaults(
      int minReplicas, int maxReplicas, double queueTargetPerReplica) {
    return new ScalingSpec(
        minReplicas,
        maxReplicas,
        queueTargetPerReplica,
        DEFAULT_TARGET_UTILIZATION,
        OptionalDouble.empty(),
        Tolerance.DEFAULT,
        Behavior.defaults(),
        Optional.empty(),
        Pause.NONE);
  }

  private static void requirePositive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be positive and finite: " + value);
    }
  }
}
