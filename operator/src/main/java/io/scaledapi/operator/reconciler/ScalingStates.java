package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.ScalingHistory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's memory per ScaledApi (recommendations for stabilization, recent scale events for
 * rate policies). Kept in memory: after a restart the stabilization windows start empty, and the
 * failure count is restored from status.
 */
final class ScalingStates {
  private final Map<String, ScalingHistory> byUid = new ConcurrentHashMap<>();

  ScalingHistory get(ScaledApi scaledApi) {
    ScalingHistory known = byUid.get(key(scaledApi));
    if (known != null) {
      return known;
    }
    Integer failures =
        scaledApi.getStatus() == null ? null : scaledApi.getStatus().consecutiveMetricFailures();
    return new ScalingHistory(List.of(), List.of(), List.of(), failures == null ? 0 : failures);
  }

  void put(ScaledApi scaledApi, ScalingHistory history) {
    byUid.put(key(scaledApi), history);
  }

  static String key(ScaledApi scaledApi) {
    String uid = scaledApi.getMetadata().getUid();
    return uid != null
        ? uid
        : scaledApi.getMetadata().getNamespace() + "/" + scaledApi.getMetadata().getName();
  }
}
