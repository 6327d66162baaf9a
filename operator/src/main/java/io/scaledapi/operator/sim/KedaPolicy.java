package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * KEDA as its users configure it for an API with a request queue: a ScaledObject with one {@code
 * prometheus} trigger on the queue, in front of the HPA KEDA creates.
 *
 * <p>The trigger (https://keda.sh/docs/2.18/scalers/prometheus/; {@code prometheusMetadata} and
 * {@code GetMetricSpecForScaling} in kedacore/keda {@code pkg/scalers/prometheus_scaler.go}):
 *
 * <ul>
 *   <li>{@code query: sum(api_queue_requests_waiting) + sum(api_requests_in_flight)}, the requests
 *       waiting plus those in service, read here as {@code metrics().queueDepth(t) +
 *       metrics().inFlight(t)}: the work the replicas have, which a backed-up queue makes grow
 *       where the arrival rate does not;
 *   <li>{@code metricType: AverageValue}, the trigger's default: KEDA hands the HPA an {@code
 *       External} metric with an {@code AverageValue} target of {@code threshold}, so the HPA asks
 *       for {@code ceil(value / threshold)} replicas, within its tolerance, through the same {@link
 *       HorizontalController} as {@link HpaPolicy};
 *   <li>{@code threshold}: requests waiting or in service per replica. A KEDA user picks a queue
 *       length per replica; the simulator sets it to {@code hpa.targetUtilization ×
 *       capacityPerReplica} (0.7 × 50 = 35 by default), which for the simulator's one-second
 *       requests is the same share of a replica's capacity the HPA targets, so the knob stays
 *       comparable across capacities and policies.
 * </ul>
 *
 * <p>What KEDA's documentation says each interval does, and how it is modelled:
 *
 * <ul>
 *   <li>The HPA still decides, every {@code --horizontal-pod-autoscaler-sync-period} (15 s): KEDA
 *       creates it with {@code minReplicas} = {@code minReplicaCount} (at least 1) and the {@code
 *       behavior} of {@code advanced.horizontalPodAutoscalerConfig}, unset by default ({@code
 *       newHPAForScaledObject} in {@code controllers/keda/hpa.go}), so the HPA's built-in rules
 *       apply, tolerance 0.1 included.
 *   <li>The HPA's request goes to KEDA's metrics server, which by default runs the trigger's query
 *       against Prometheus at that moment ({@code GetScaledObjectMetrics} in {@code
 *       pkg/scaling/scale_handler.go}; "Caching Metrics" in
 *       https://keda.sh/docs/2.18/concepts/scaling-deployments/). With {@code useCachedMetrics}
 *       (false by default) it answers from the value its last poll stored, so the HPA sees a value
 *       up to one {@code pollingInterval} old.
 *   <li>{@code pollingInterval} (30 s) is how often KEDA itself checks the trigger: it decides
 *       activation, scaling between 0 and 1 replica, and refreshes the cache
 *       (https://keda.sh/docs/2.18/reference/scaledobject-spec/#pollinginterval). With at least 1
 *       replica and {@code minReplicaCount} at least 1, that loop leaves the replica count to the
 *       HPA ({@code RequestScale} in {@code pkg/scaling/executor/scale_scaledobjects.go}), so
 *       without the cache it changes no decision here.
 *   <li>The scaler reads an empty or NaN result as 0 while {@code ignoreNullValues} is true, the
 *       default ({@code ExecutePromQuery} in {@code prometheus_scaler.go}); the HPA then sees a
 *       zero metric and may scale down, where the adapter's HPA sees no metric and holds. Values
 *       are rounded to milli-units ({@code GenerateMetricInMili} in {@code pkg/scalers/scaler.go}),
 *       the adapter truncates.
 *   <li>While Prometheus is down ({@link MetricsOutage}) the query fails with an error, not an
 *       empty result; without a {@code fallback} in the ScaledObject (none here) the HPA gets the
 *       error and holds its replicas until Prometheus answers again.
 * </ul>
 *
 * <p>So KEDA and {@link HpaPolicy} run the same controller on different signals: the HPA on the
 * 1-minute arrival rate, which a burst moves by a fraction per scrape and which never exceeds what
 * arrives; KEDA on the scraped queue, which counts the backlog a burst leaves and keeps counting it
 * until the replicas have served it. Scale to zero is not modelled: the simulator keeps at least
 * one replica for every policy.
 */
public final class KedaPolicy implements Policy {

  private final KedaSettings settings;
  private final HorizontalController controller;

  private KedaPolicy(KedaSettings settings, ClusterSpec cluster) {
    this.settings = settings;
    this.controller =
        new HorizontalController(
            settings.hpa(), threshold(settings, cluster), cluster.maxReplicas());
  }

  /**
   * The trigger's {@code threshold}, requests waiting or in service per replica: {@code
   * hpa.targetUtilization × capacityPerReplica}.
   */
  static double threshold(KedaSettings settings, ClusterSpec cluster) {
    return settings.hpa().targetUtilization() * cluster.capacityPerReplica();
  }

  /**
   * KEDA with {@code settings}, its threshold taken from the cluster's capacity per replica and the
   * settings' target utilization.
   */
  public static PolicyFactory factory(KedaSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return (workload, cluster) -> new KedaPolicy(settings, cluster);
  }

  @Override
  public String name() {
    return "keda";
  }

  @Override
  public Duration period() {
    return settings.hpa().syncPeriod();
  }

  @Override
  public int decide(View view) {
    long t = view.t();
    long queriedAt = settings.useCachedMetrics() ? lastPoll(t, settings.pollingInterval()) : t;
    OptionalLong value;
    try {
      value = scalerValue(query(view.metrics(), queriedAt), settings.ignoreNullValues());
    } catch (Metrics.Unavailable e) {
      // Prometheus down: the scaler's HTTP request fails, an error rather than an empty result
      // (ExecutePromQuery in prometheus_scaler.go), so ignoreNullValues does not turn it into 0.
      // With no spec.fallback, as this baseline is configured, KEDA passes the error on
      // (pkg/fallback/fallback.go) and the HPA it created holds as for any failed external
      // metric (FailedGetExternalMetric). With useCachedMetrics the cache holds the failed poll's
      // error until the next poll, so a poll during the outage fails here too.
      value = OptionalLong.empty();
    }
    return controller.reconcile(view.now(), view.specReplicas(), value);
  }

  /**
   * The trigger's query, {@code sum(api_queue_requests_waiting) + sum(api_requests_in_flight)}, at
   * {@code t}: NaN before the first scrape, as PromQL's {@code +} of an empty vector is empty.
   *
   * @throws Metrics.Unavailable while Prometheus is down
   */
  static double query(Metrics metrics, long t) {
    return metrics.queueDepth(t) + metrics.inFlight(t);
  }

  /**
   * The second of KEDA's last poll at or before {@code t}: the scale loop starts with the
   * ScaledObject, at second 0, and runs every {@code pollingInterval}.
   */
  static long lastPoll(long t, Duration pollingInterval) {
    return t - Math.floorMod(t, pollingInterval.toSeconds());
  }

  /**
   * What the scaler serves for a query result: the value rounded to milli-units (negative as 0);
   * for no value, 0 when {@code ignoreNullValues}, otherwise an error (empty).
   */
  static OptionalLong scalerValue(double value, boolean ignoreNullValues) {
    if (!Double.isFinite(value)) {
      return ignoreNullValues ? OptionalLong.of(0) : OptionalLong.empty();
    }
    return OptionalLong.of(Math.round(Math.max(0.0, value) * 1000.0));
  }
}
