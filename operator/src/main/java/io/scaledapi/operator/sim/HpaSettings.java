package io.scaledapi.operator.sim;

import io.scaledapi.operator.engine.Behavior;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An HPA (autoscaling/v2) on one External metric with an {@code AverageValue} target, and the
 * kube-controller-manager flags it runs under.
 *
 * <p>The target per replica is {@code targetUtilization × ClusterSpec.capacityPerReplica}.
 *
 * @param targetUtilization the share of a replica's capacity the target asks for
 * @param syncPeriod {@code --horizontal-pod-autoscaler-sync-period}, 15 s by default
 * @param rateWindow the window of the adapter's {@code rate()} query
 * @param tolerance {@code --horizontal-pod-autoscaler-tolerance}, 0.1 by default
 * @param downscaleStabilization {@code --horizontal-pod-autoscaler-downscale-stabilization}, 5 min
 *     by default; used when {@code behavior} is empty
 * @param behavior the HPA's {@code spec.behavior}; empty when the manifest has none, which is the
 *     default and what KEDA creates unless {@code advanced.horizontalPodAutoscalerConfig.behavior}
 *     is set
 * @param minReplicas {@code spec.minReplicas}, 1 by default
 */
public record HpaSettings(
    double targetUtilization,
    Duration syncPeriod,
    Duration rateWindow,
    double tolerance,
    Duration downscaleStabilization,
    Optional<Behavior> behavior,
    int minReplicas) {

  /** Checks the values. */
  public HpaSettings {
    Objects.requireNonNull(syncPeriod, "syncPeriod");
    Objects.requireNonNull(rateWindow, "rateWindow");
    Objects.requireNonNull(downscaleStabilization, "downscaleStabilization");
    Objects.requireNonNull(behavior, "behavior");
    if (!(targetUtilization > 0) || targetUtilization > 1) {
      throw new IllegalArgumentException(
          "targetUtilization must be in (0, 1]: " + targetUtilization);
    }
    if (syncPeriod.toSeconds() < 1 || rateWindow.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "syncPeriod and rateWindow must be at least 1s: " + syncPeriod + ", " + rateWindow);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
    }
    if (downscaleStabilization.isNegative()) {
      throw new IllegalArgumentException(
          "downscaleStabilization must not be negative: " + downscaleStabilization);
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("minReplicas must be at least 1: " + minReplicas);
    }
  }

  /**
   * The defaults: target 0.7 of a replica's capacity; the kube-controller-manager defaults (sync 15
   * s, tolerance 0.1, downscale stabilization 5 min); a 1-minute rate window; no {@code behavior}
   * field; minReplicas 1.
   */
  public static HpaSettings defaults() {
    return new HpaSettings(
        0.7,
        Duration.ofSeconds(15),
        Duration.ofMinutes(1),
        0.1,
        Duration.ofMinutes(5),
        Optional.empty(),
        1);
  }

  /** These settings with {@code spec.behavior} set to {@code behavior}. */
  public HpaSettings withBehavior(Behavior behavior) {
    return new HpaSettings(
        targetUtilization,
        syncPeriod,
        rateWindow,
        tolerance,
        downscaleStabilization,
        Optional.of(behavior),
        minReplicas);
  }

  /** These settings with the target at {@code share} of a replica's capacity, in (0, 1]. */
  public HpaSettings withTargetUtilization(double share) {
    return new HpaSettings(
        share, syncPeriod, rateWindow, tolerance, downscaleStabilization, behavior, minReplicas);
  }
}
