package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Knative's Pod Autoscaler (KPA) settings, with the per-revision target {@code
 * autoscaling.knative.dev/target} set to what one replica serves ({@code capacityPerReplica}):
 * requests in flight on the default concurrency metric, requests per second on {@code rps} (with
 * the simulator's nominal one-second service time the two are the same number).
 *
 * @param targetUtilization {@code autoscaling.knative.dev/target-utilization-percentage} / 100; the
 *     autoscaler aims at {@code capacityPerReplica × targetUtilization} per pod
 * @param stableWindow {@code stable-window}, 60 s
 * @param panicWindowPercentage {@code panic-window-percentage}, 10 (6 s of a 60 s window)
 * @param panicThresholdPercentage {@code panic-threshold-percentage}, 200
 * @param maxScaleUpRate {@code max-scale-up-rate}, 1000
 * @param maxScaleDownRate {@code max-scale-down-rate}, 2
 * @param tickInterval how often the autoscaler decides, 2 s ({@code tickInterval} in {@code
 *     pkg/autoscaler/scaling/multiscaler.go})
 * @param minScale {@code autoscaling.knative.dev/min-scale}; at least 1, as scale to zero is off
 */
public record KnativeSettings(
    double targetUtilization,
    Duration stableWindow,
    double panicWindowPercentage,
    double panicThresholdPercentage,
    double maxScaleUpRate,
    double maxScaleDownRate,
    Duration tickInterval,
    int minScale) {

  /** Checks the values. */
  public KnativeSettings {
    Objects.requireNonNull(stableWindow, "stableWindow");
    Objects.requireNonNull(tickInterval, "tickInterval");
    if (!(targetUtilization > 0) || targetUtilization > 1) {
      throw new IllegalArgumentException(
          "targetUtilization must be in (0, 1]: " + targetUtilization);
    }
    if (stableWindow.toSeconds() < 1 || tickInterval.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "stableWindow and tickInterval must be at least 1s: "
              + stableWindow
              + ", "
              + tickInterval);
    }
    if (!(panicWindowPercentage > 0 && panicWindowPercentage <= 100)) {
      throw new IllegalArgumentException(
          "panicWindowPercentage must be in (0, 100]: " + panicWindowPercentage);
    }
    if (!(panicThresholdPercentage > 0) || Double.isInfinite(panicThresholdPercentage)) {
      throw new IllegalArgumentException(
          "panicThresholdPercentage must be positive: " + panicThresholdPercentage);
    }
    if (!(maxScaleUpRate > 1) || !(maxScaleDownRate > 1)) {
      throw new IllegalArgumentException(
          "maxScaleUpRate and maxScaleDownRate must be above 1: "
              + maxScaleUpRate
              + ", "
              + maxScaleDownRate);
    }
    if (minScale < 1) {
      throw new IllegalArgumentException("minScale must be at least 1: " + minScale);
    }
  }

  /**
   * Knative Serving's defaults ({@code defaultConfig} in knative/serving {@code
   * pkg/autoscaler/config/config.go}; https://knative.dev/docs/serving/autoscaling/), with scale to
   * zero off.
   */
  public static KnativeSettings defaults() {
    return new KnativeSettings(
        0.7, Duration.ofSeconds(60), 10, 200, 1000, 2, Duration.ofSeconds(2), 1);
  }

  /**
   * The panic window: the stable window times the percentage, rounded to whole seconds and at least
   * one bucket, as {@code MakeMetric} in {@code pkg/reconciler/autoscaling/resources/metric.go}.
   */
  public Duration panicWindow() {
    long seconds = Math.round(stableWindow.toSeconds() * panicWindowPercentage / 100.0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  /** These settings with other scale rates. */
  public KnativeSettings withRates(double up, double down) {
    return new KnativeSettings(
        targetUtilization,
        stableWindow,
        panicWindowPercentage,
        panicThresholdPercentage,
        up,
        down,
        tickInterval,
        minScale);
  }

  /** These settings with {@code target-utilization-percentage} at {@code share} × 100. */
  public KnativeSettings withTargetUtilization(double share) {
    return new KnativeSettings(
        share,
        stableWindow,
        panicWindowPercentage,
        panicThresholdPercentage,
        maxScaleUpRate,
        maxScaleDownRate,
        tickInterval,
        minScale);
  }
}
