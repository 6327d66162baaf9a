package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Knative's Pod Autoscaler (KPA) on the {@code rps} metric, as {@code Scale} in knative/serving
 * {@code pkg/autoscaler/scaling/autoscaler.go} computes it.
 *
 * <p>The queue-proxies' request counts reach the autoscaler directly, without Prometheus: it
 * scrapes them every second and adds each second's total into a stable and a panic window ({@code
 * record} and {@code StableAndPanicRPS} in {@code pkg/autoscaler/metrics/collector.go}; see {@link
 * KnativeWindow}). Every tick (2 s) it decides:
 *
 * <ul>
 *   <li>the target per pod is {@code target × utilization} ({@code ResolveMetricTarget} in {@code
 *       pkg/reconciler/autoscaling/resources/target.go}); the desired stable and panic pod counts
 *       are {@code ceil(window average / target per pod)};
 *   <li>both are kept within {@code [floor(ready / maxScaleDownRate), ceil(maxScaleUpRate ×
 *       ready)]}, {@code ready} being the ready pods, at least 1;
 *   <li>the autoscaler panics when the desired panic count reaches {@code panicThreshold × ready},
 *       and stays in panic until a whole stable window has passed since the last tick over the
 *       threshold;
 *   <li>in panic it takes the larger of the two counts and never goes below the highest count of
 *       this panic; otherwise it takes the stable count.
 * </ul>
 *
 * <p>Every second is recorded, zero requests included, so the windows always hold data and the
 * autoscaler's "no data" case does not arise. Scale to zero, the activator and the scale-down delay
 * (0 by default) are not modelled; the result is bounded by {@code minScale} and the cluster's
 * maximum, as the KPA reconciler applies min and max scale.
 *
 * <p>{@link #period()} is 1 s, the scrape interval, so that every second's stat is recorded; the
 * decision itself changes only on the ticks.
 */
public final class KnativePolicy implements Policy {

  private final KnativeSettings settings;
  private final double targetPerPod;
  private final int maxScale;
  private final KnativeWindow stable;
  private final KnativeWindow panic;
  private boolean ticked;
  private long lastTick;
  private boolean panicking;
  private long panicTime;
  private int maxPanicPods;
  private int desired;

  private KnativePolicy(KnativeSettings settings, ClusterSpec cluster) {
    this.settings = settings;
    this.targetPerPod = Math.max(0.01, cluster.capacityPerReplica() * settings.targetUtilization());
    this.maxScale = cluster.maxReplicas();
    this.stable = new KnativeWindow(settings.stableWindow());
    this.panic = new KnativeWindow(settings.panicWindow());
  }

  /**
   * The KPA with {@code settings}, its rps target taken from the cluster's capacity per replica.
   */
  public static PolicyFactory factory(KnativeSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return (workload, cluster) -> new KnativePolicy(settings, cluster);
  }

  @Override
  public String name() {
    return "knative";
  }

  @Override
  public Duration period() {
    return Duration.ofSeconds(1);
  }

  @Override
  public int decide(View view) {
    long t = view.t();
    stable.record(t, view.requestsLastSecond());
    panic.record(t, view.requestsLastSecond());
    if (!ticked || t - lastTick >= settings.tickInterval().toSeconds()) {
      ticked = true;
      lastTick = t;
      scale(t, view.readyReplicas());
    }
    return Math.max(settings.minScale(), Math.min(maxScale, desired));
  }

  private void scale(long now, int readyReplicas) {
    double ready = Math.max(1, readyReplicas);
    double maxScaleUp = Math.ceil(settings.maxScaleUpRate() * ready);
    double maxScaleDown = Math.floor(ready / settings.maxScaleDownRate());
    double stablePods = Math.ceil(stable.average(now) / targetPerPod);
    double panicPods = Math.ceil(panic.average(now) / targetPerPod);
    int desiredStable = (int) Math.min(Math.max(stablePods, maxScaleDown), maxScaleUp);
    int desiredPanic = (int) Math.min(Math.max(panicPods, maxScaleDown), maxScaleUp);

    boolean overThreshold = panicPods / ready >= settings.panicThresholdPercentage() / 100.0;
    if (overThreshold) {
      panicking = true;
      panicTime = now;
    } else if (panicking && panicTime + settings.stableWindow().toSeconds() < now) {
      panicking = false;
      maxPanicPods = 0;
    }

    int result = desiredStable;
    if (panicking) {
      result = Math.max(result, desiredPanic);
      maxPanicPods = Math.max(maxPanicPods, result);
      result = maxPanicPods;
    }
    desired = result;
  }
}
