package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.SignalStatus;
import io.scaledapi.api.v1alpha1.SignalsStatus;

/**
 * The object handed to the framework to patch status by server-side apply: identity and status
 * only, so the operator's field manager owns exactly the status fields it sets, and fields it stops
 * setting are removed.
 */
final class StatusPatch {
  private StatusPatch() {}

  /**
   * Whether {@code next} tells a reader something {@code previous} does not. The times of samples
   * alone do not: an unchanged signal or forecast keeps the time it was first reported with, so a
   * steady poll writes nothing.
   */
  static boolean needed(ScaledApiStatus previous, ScaledApiStatus next) {
    return previous == null || !untimed(previous).equals(untimed(next));
  }

  private static ScaledApiStatus untimed(ScaledApiStatus s) {
    SignalsStatus signals = s.signals();
    ForecastStatus f = s.forecast();
    return new ScaledApiStatus(
        s.observedGeneration(),
        s.currentReplicas(),
        s.desiredReplicas(),
        s.lastScaleTime(),
        s.lastScaleReason(),
        signals == null
            ? null
            : new SignalsStatus(
                untimed(signals.queueDepth()),
                untimed(signals.latency()),
                untimed(signals.arrivalRate())),
        f == null
            ? null
            : new ForecastStatus(
                f.rate(),
                f.lower(),
                f.upper(),
                f.horizon(),
                null,
                f.model(),
                f.recentError(),
                f.replicas(),
                f.capacityPerReplica(),
                f.capacitySource(),
                f.leadTimeSource()),
        s.consecutiveMetricFailures(),
        s.mode(),
        s.conditions());
  }

  private static SignalStatus untimed(SignalStatus s) {
    return s == null ? null : new SignalStatus(s.value(), null, s.error());
  }

  static ScaledApi of(ScaledApi observed, ScaledApiStatus status) {
    ScaledApi patch = new ScaledApi();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(observed.getMetadata().getName())
            .withNamespace(observed.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
