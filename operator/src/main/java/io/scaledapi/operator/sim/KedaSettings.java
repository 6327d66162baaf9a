package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A KEDA ScaledObject with one Prometheus trigger on the queue (query {@code
 * sum(api_queue_requests_waiting) + sum(api_requests_in_flight)}, metricType {@code AverageValue},
 * threshold = {@code hpa.targetUtilization × capacityPerReplica} requests per replica) and the HPA
 * it creates; see {@link KedaPolicy}.
 *
 * @param hpa the HPA KEDA creates and the kube-controller-manager runs: its target utilization
 *     (from which the trigger's threshold is derived), sync period, tolerance, {@code minReplicas}
 *     (KEDA's {@code minReplicaCount}, which the simulator keeps at least 1) and {@code behavior}
 *     (KEDA's {@code advanced.horizontalPodAutoscalerConfig.behavior}, unset by default); its rate
 *     window is not used, as the trigger's query reads gauges
 * @param pollingInterval {@code spec.pollingInterval}, 30 s by default
 * @param useCachedMetrics the trigger's {@code useCachedMetrics}, false by default
 * @param ignoreNullValues the Prometheus trigger's {@code ignoreNullValues}, true by default
 */
public record KedaSettings(
    HpaSettings hpa, Duration pollingInterval, boolean useCachedMetrics, boolean ignoreNullValues) {

  /** Checks the values. */
  public KedaSettings {
    Objects.requireNonNull(hpa, "hpa");
    Objects.requireNonNull(pollingInterval, "pollingInterval");
    if (pollingInterval.toSeconds() < 1) {
      throw new IllegalArgumentException("pollingInterval must be at least 1s: " + pollingInterval);
    }
  }

  /**
   * KEDA's defaults (https://keda.sh/docs/2.18/reference/scaledobject-spec/): polling every 30 s,
   * no metric cache, null values read as 0; in front of {@link HpaSettings#defaults()}.
   */
  public static KedaSettings defaults() {
    return new KedaSettings(HpaSettings.defaults(), Duration.ofSeconds(30), false, true);
  }

  /** These settings with {@code useCachedMetrics} set. */
  public KedaSettings withCachedMetrics(boolean cached) {
    return new KedaSettings(hpa, pollingInterval, cached, ignoreNullValues);
  }

  /** These settings with {@code ignoreNullValues} set. */
  public KedaSettings withIgnoreNullValues(boolean ignore) {
    return new KedaSettings(hpa, pollingInterval, useCachedMetrics, ignore);
  }

  /**
   * These settings with the threshold per replica at {@code share} of a replica's capacity, in (0,
   * 1]: the HPA KEDA creates gets that target.
   */
  public KedaSettings withTargetUtilization(double share) {
    return new KedaSettings(
        hpa.withTargetUtilization(share), pollingInterval, useCachedMetrics, ignoreNullValues);
  }
}
