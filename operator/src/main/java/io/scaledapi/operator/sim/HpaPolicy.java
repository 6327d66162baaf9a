package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The Kubernetes Horizontal Pod Autoscaler (autoscaling/v2) scaling on the arrival rate: an {@code
 * External} metric with an {@code AverageValue} target of {@code targetUtilization ×
 * capacityPerReplica}, served by the Prometheus adapter (kubernetes-sigs/prometheus-adapter) from
 * {@code sum(rate(api_requests_arrived_total[1m]))}.
 *
 * <p>Every sync period (kube-controller-manager's {@code --horizontal-pod-autoscaler-sync-period},
 * 15 s) the HPA asks the external metrics API; the adapter runs the query against Prometheus at
 * that moment ({@code GetExternalMetric} in {@code pkg/external-provider/provider.go}) and caches
 * nothing but the list of series names, so its only lag is the scrape interval and the rate window
 * that Prometheus itself has. The adapter truncates the value to milli-units ({@code convertSample}
 * in {@code metric_converter.go}); when the query returns no series (fewer than two scrapes in the
 * window) it returns no item, the HPA's metrics client fails with "no metrics returned from
 * external metrics API" and the sync neither scales nor records a recommendation. While Prometheus
 * is down ({@link MetricsOutage}) the adapter's query fails and the HPA holds the same way, for as
 * long as it lasts.
 *
 * <p>The decision is {@link HorizontalController}: {@code reconcileAutoscaler} in {@code
 * pkg/controller/podautoscaler/horizontal.go} and {@code GetExternalPerPodMetricReplicas} in {@code
 * replica_calculator.go}. With {@link HpaSettings#defaults()} the HPA has no {@code behavior}
 * field, and the API server leaves it unset ({@code SetDefaults_HorizontalPodAutoscalerBehavior} in
 * {@code pkg/apis/autoscaling/v2/defaults.go} fills only a behavior that exists), so the controller
 * applies its built-in rules: scale up to at most {@code max(2 × current, 4)} per sync, and the
 * highest recommendation of the last 5 minutes when scaling down. The documented default behavior
 * (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#default-behavior: up
 * 4 pods or 100% per 15 s, down 100% per 15 s after a 300 s window) applies once a manifest sets
 * {@code behavior}; see {@link HpaSettings#withBehavior}. The two scale-up limits agree from 4
 * replicas up when syncs are 15 s apart.
 */
public final class HpaPolicy implements Policy {

  private final HpaSettings settings;
  private final HorizontalController controller;

  private HpaPolicy(HpaSettings settings, ClusterSpec cluster) {
    this.settings = settings;
    this.controller =
        new HorizontalController(
            settings,
            settings.targetUtilization() * cluster.capacityPerReplica(),
            cluster.maxReplicas());
  }

  /** An HPA with {@code settings}, its target taken from the cluster's capacity per replica. */
  public static PolicyFactory factory(HpaSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return (workload, cluster) -> new HpaPolicy(settings, cluster);
  }

  @Override
  public String name() {
    return "hpa";
  }

  @Override
  public Duration period() {
    return settings.syncPeriod();
  }

  @Override
  public int decide(View view) {
    OptionalLong value;
    try {
      value = adapterValue(view.metrics().arrivalRate(view.t(), settings.rateWindow()));
    } catch (Metrics.Unavailable e) {
      // Prometheus down: the adapter's query fails, so does the external metrics API call, and
      // reconcileAutoscaler (horizontal.go) leaves the scale unchanged, recording no
      // recommendation (condition ScalingActive False, reason FailedGetExternalMetric).
      value = OptionalLong.empty();
    }
    return controller.reconcile(view.now(), view.specReplicas(), value);
  }

  /**
   * The value the adapter serves for a query result: {@code int64(value × 1000)} milli-units, or
   * nothing when Prometheus returned no sample (NaN here).
   */
  static OptionalLong adapterValue(double rate) {
    if (!Double.isFinite(rate)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) (Math.max(0.0, rate) * 1000.0));
  }
}
