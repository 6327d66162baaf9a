package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * KEDA's Prometheus scaler in front of the HPA KEDA creates, scaling on the arrival rate with the
 * same query and target as {@link HpaPolicy}.
 *
 * <p>What KEDA's documentation says each interval does, and how it is modelled:
 *
 * <ul>
 *   <li>The HPA still decides, every {@code --horizontal-pod-autoscaler-sync-period} (15 s): KEDA
 *       creates it with {@code minReplicas} = {@code minReplicaCount} (at least 1) and the {@code
 *       behavior} of {@code advanced.horizontalPodAutoscalerConfig}, unset by default ({@code
 *       newHPAForScaledObject} in kedacore/keda {@code controllers/keda/hpa.go}), so the same
 *       {@link HorizontalController} rules apply.
 *   <li>The HPA's request goes to KEDA's metrics server, which by default runs the trigger's query
 *       against Prometheus at that moment ({@code GetScaledObjectMetrics} in {@code
 *       pkg/scaling/scale_handler.go}; "Caching Metrics" in
 *       https://keda.sh/docs/2.21/concepts/scaling-deployments/). With {@code useCachedMetrics} it
 *       answers from the value its last poll stored, so the HPA sees a value up to one {@code
 *       pollingInterval} old.
 *   <li>{@code pollingInterval} (30 s) is how often KEDA itself checks the trigger: it decides
 *       activation, scaling between 0 and 1 replica, and refreshes the cache
 *       (https://keda.sh/docs/2.21/reference/scaledobject-spec/#pollinginterval). With at least 1
 *       replica and {@code minReplicaCount} at least 1, that loop leaves the replica count to the
 *       HPA ({@code RequestScale} in {@code pkg/scaling/executor/scale_scaledobjects.go}), so
 *       without the cache it changes no decision here.
 *   <li>The scaler reads an empty or NaN result as 0 while {@code ignoreNullValues} is true, the
 *       default ({@code ExecutePromQuery} in {@code pkg/scalers/prometheus_scaler.go}); the HPA
 *       then sees a zero metric and may scale down, where the adapter's HPA sees no metric and
 *       holds. Values are rounded to milli-units ({@code GenerateMetricInMili} in {@code
 *       pkg/scalers/scaler.go}), the adapter truncates.
 * </ul>
 *
 * <p>The finding: in its default configuration KEDA behaves as the HPA with a Prometheus adapter,
 * except when the query returns no value; its polling interval adds lag only with cached metrics.
 * Scale to zero is not modelled: the simulator keeps at least one replica for every policy.
 */
public final class KedaPolicy implements Policy {

  private final KedaSettings settings;
  private final HorizontalController controller;

  private KedaPolicy(KedaSettings settings, ClusterSpec cluster) {
    this.settings = settings;
    this.controller =
        new HorizontalController(
            settings.hpa(),
            settings.hpa().targetUtilization() * cluster.capacityPerReplica(),
            cluster.maxReplicas());
  }

  /** KEDA with {@code settings}, its threshold taken from the cluster's capacity per replica. */
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
    double value = view.metrics().arrivalRate(queriedAt, settings.hpa().rateWindow());
    return controller.reconcile(
        view.now(), view.specReplicas(), scalerValue(value, settings.ignoreNullValues()));
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
