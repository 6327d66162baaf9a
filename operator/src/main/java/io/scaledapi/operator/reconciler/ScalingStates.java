package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.ScalingHistory;
import io.scaledapi.operator.engine.TimedRecommendation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's memory per ScaledApi (recommendations for stabilization, recent scale events for
 * rate policies), kept in memory.
 *
 * <p>A ScaledApi this instance has not decided for yet (a new one, or every one after a restart or
 * a change of leader) starts as if the target's current replicas had been recommended until now: no
 * scale-down within one scale-down stabilization window, as the instance before would have held it,
 * and, as then, a scale-up waits out a scale-up window if one is set (none by default). The failure
 * count is restored from status; rate-policy periods start empty.
 *
 * <p>The last scale written is kept too, until status shows it: the status patch after a write can
 * fail (a conflict), and the next reconcile then reports it again.
 */
final class ScalingStates {
  private final Map<String, ScalingHistory> byUid = new ConcurrentHashMap<>();
  private final Map<String, LastScale> lastScales = new ConcurrentHashMap<>();

  /** A scale this instance wrote: when, and the reason reported for it. */
  record LastScale(Instant at, String reason) {}

  /** The history of this ScaledApi, seeded from the target's replicas when there is none. */
  ScalingHistory get(ScaledApi scaledApi, int currentReplicas, Instant now) {
    ScalingHistory known = byUid.get(key(scaledApi));
    if (known != null) {
      return known;
    }
    Integer failures =
        scaledApi.getStatus() == null ? null : scaledApi.getStatus().consecutiveMetricFailures();
    return new ScalingHistory(
        List.of(new TimedRecommendation(now, currentReplicas)),
        List.of(),
        List.of(),
        failures == null ? 0 : failures);
  }

  void put(ScaledApi scaledApi, ScalingHistory history) {
    byUid.put(key(scaledApi), history);
  }

  /** Remembers a scale written at {@code at}, until status shows it. */
  void scaled(ScaledApi scaledApi, Instant at, String reason) {
    lastScales.put(key(scaledApi), new LastScale(at, reason));
  }

  /** The last scale this instance wrote, while the ScaledApi's status does not show it. */
  Optional<LastScale> unreported(ScaledApi scaledApi) {
    LastScale last = lastScales.get(key(scaledApi));
    String shown = scaledApi.getStatus() == null ? null : scaledApi.getStatus().lastScaleTime();
    if (last != null
        && shown != null
        && !Instant.parse(shown).isBefore(last.at().truncatedTo(ChronoUnit.SECONDS))) {
      lastScales.remove(key(scaledApi), last);
      return Optional.empty();
    }
    return Optional.ofNullable(last);
  }

  /** Drops what is kept of a deleted ScaledApi. */
  void forget(ScaledApi scaledApi) {
    byUid.remove(key(scaledApi));
    lastScales.remove(key(scaledApi));
  }

  static String key(ScaledApi scaledApi) {
    String uid = scaledApi.getMetadata().getUid();
    return uid != null
        ? uid
        : scaledApi.getMetadata().getNamespace() + "/" + scaledApi.getMetadata().getName();
  }
}
