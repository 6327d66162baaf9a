package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Knative's Pod Autoscaler (KPA) as its documentation recommends it by default: on the {@code
 * concurrency} metric, as {@code Scale} in knative/serving {@code
 * pkg/autoscaler/scaling/autoscaler.go} computes it.
 *
 * <p>Why concurrency. It is the KPA's default metric, {@code rps} the alternative
 * (https://knative.dev/docs/serving/autoscaling/autoscaling-metrics/); its default target is a soft
 * limit of 100 requests in flight per pod, of which it aims at {@code
 * container-concurrency-target-percentage} 70
 * (https://knative.dev/docs/serving/autoscaling/concurrency/). An API deployed on Knative sets that
 * target to what one replica handles at once; a replica of the simulator serves {@code
 * capacityPerReplica} requests per second, each for its nominal second, so at full load it has
 * {@code capacityPerReplica} requests in flight, and the target is {@code capacityPerReplica} at
 * the default 0.7 ({@link KnativeSettings#targetUtilization}). The same number of pods then carries
 * the same steady load under either metric; they part when requests wait: the queue-proxy counts a
 * request as concurrent from its arrival, queued or in service, so a backlog raises the concurrency
 * while the request rate shows only what arrives. {@link Metric#RPS} keeps the rps variant, with a
 * target of {@code capacityPerReplica × utilization} requests per second.
 *
 * <p>The queue-proxies' stats reach the autoscaler directly, without Prometheus: it scrapes them
 * every second and adds each second's total into a stable and a panic window ({@code record} and
 * {@code StableAndPanicConcurrency} in {@code pkg/autoscaler/metrics/collector.go}; see {@link
 * KnativeWindow}). The concurrency of a second is the time-weighted mean of the requests in flight
 * through it ({@code AverageConcurrency} of the queue-proxy's stats, {@code pkg/queue/stats.go}):
 * here {@link View#concurrency()}, the requests waiting plus in service averaged over the last
 * second. Every tick (2 s) it decides:
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
 * autoscaler's "no data" case does not arise. Scale to zero, the activator (and so the target burst
 * capacity that puts it in the request path) and the scale-down delay (0 by default) are not
 * modelled; the result is bounded by {@code minScale} and the cluster's maximum, as the KPA
 * reconciler applies min and max scale.
 *
 * <p>A metrics outage ({@link MetricsOutage}) does not reach it: Prometheus is not on the KPA's
 * path (the autoscaler scrapes the queue-proxies itself, {@code pkg/autoscaler/metrics/
 * stats_scraper.go}), so it reads {@link View#concurrency()} and {@link View#requestsLastSecond()},
 * never {@link View#metrics()}, and scales through the outage as before it.
 *
 * <p>{@link #period()} is 1 s, the scrape interval, so that every second's stat is recorded; the
 * decision itself changes only on the ticks.
 */
public final class KnativePolicy implements Policy {

  /** The metric the KPA scales on ({@code autoscaling.knative.dev/metric}). */
  public enum Metric {
    /** Requests in flight per pod, waiting or in service: the KPA's default. */
    CONCURRENCY,
    /** Requests arriving per second per pod. */
    RPS
  }

  private final KnativeSettings settings;
  private final Metric metric;
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

  private KnativePolicy(KnativeSettings settings, Metric metric, ClusterSpec cluster) {
    this.settings = settings;
    this.metric = metric;
    this.targetPerPod = Math.max(0.01, cluster.capacityPerReplica() * settings.targetUtilization());
    this.maxScale = cluster.maxReplicas();
    this.stable = new KnativeWindow(settings.stableWindow());
    this.panic = new KnativeWindow(settings.panicWindow());
  }

  /**
   * The KPA with {@code settings} on concurrency, its default metric, with a target of the
   * cluster's capacity per replica.
   */
  public static PolicyFactory factory(KnativeSettings settings) {
    return factory(settings, Metric.CONCURRENCY);
  }

  /**
   * The KPA with {@code settings} on {@code metric}, with a target of the cluster's capacity per
   * replica: requests in flight for concurrency, requests per second for rps.
   */
  public static PolicyFactory factory(KnativeSettings settings, Metric metric) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(metric, "metric");
    return (workload, cluster) -> new KnativePolicy(settings, metric, cluster);
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
    double stat = metric == Metric.CONCURRENCY ? view.concurrency() : view.requestsLastSecond();
    stable.record(t, stat);
    panic.record(t, stat);
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
