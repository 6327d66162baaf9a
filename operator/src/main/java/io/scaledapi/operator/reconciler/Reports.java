package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.Decision;
import io.scaledapi.operator.engine.Limit;
import io.scaledapi.operator.engine.Reason;
import io.scaledapi.operator.reconciler.EventRecorder.Type;

/**
 * The conditions a decision sets and the events that go with them: a Warning only when a problem
 * starts, not on every poll that still has it.
 */
final class Reports {
  private final EventRecorder events;

  Reports(EventRecorder events) {
    this.events = events;
  }

  /** {@code MetricsAvailable} (and {@code Ready} while metrics fail), one Warning per outage. */
  void metrics(ScaledApi scaledApi, StatusDraft draft, Decision decision) {
    boolean wasUnavailable =
        Conditions.has(draft.previousConditions(), Conditions.METRICS_AVAILABLE, false, null);
    if (decision.metricsAvailable()) {
      draft.condition(Conditions.METRICS_AVAILABLE, true, "MetricsRead", "all signals read");
      if (wasUnavailable) {
        events.record(scaledApi, Type.NORMAL, "MetricsRecovered", "all signals read again");
      }
      return;
    }
    String reason = decision.reason() == Reason.FALLBACK ? "Fallback" : "QueryFailed";
    draft.condition(Conditions.METRICS_AVAILABLE, false, reason, decision.message());
    draft.condition(Conditions.READY, false, "MetricsUnavailable", decision.message());
    if (!wasUnavailable) {
      // One Warning per outage: only on the transition to unavailable.
      events.record(scaledApi, Type.WARNING, "MetricsUnavailable", decision.message());
    }
  }

  /** {@code ScalingLimited}: whether a bound or a rate policy cut the recommendation. */
  static void limit(StatusDraft draft, Decision decision) {
    boolean limited = decision.limitedBy() != Limit.NONE;
    draft.condition(
        Conditions.SCALING_LIMITED,
        limited,
        decision.limitedBy().conditionReason(),
        limited
            ? "recommended "
                + decision.recommendedReplicas()
                + ", limited to "
                + decision.desiredReplicas()
            : "the desired replicas are within range");
  }

  /** A Warning event, unless the previous status already reported the same problem. */
  void warnOnce(
      ScaledApi scaledApi, StatusDraft draft, String conditionType, String reason, String message) {
    if (!Conditions.has(draft.previousConditions(), conditionType, false, reason)) {
      events.record(scaledApi, Type.WARNING, reason, message);
    }
  }
}
