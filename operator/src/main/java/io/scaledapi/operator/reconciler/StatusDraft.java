package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.SignalsStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The status being assembled during one reconcile, starting from the previous one. */
final class StatusDraft {
  private final ScaledApiStatus previous;
  private final Long generation;
  private Integer currentReplicas;
  private Integer desiredReplicas;
  private String lastScaleTime;
  private String lastScaleReason;
  private SignalsStatus signals;
  private ForecastStatus forecast;
  private Integer consecutiveMetricFailures;
  private String mode;
  private final List<Conditions.Wanted> conditions = new ArrayList<>();
  private final List<Condition> kept = new ArrayList<>();

  StatusDraft(ScaledApiStatus previous, Long generation) {
    this.previous = previous;
    this.generation = generation;
    if (previous != null) {
      currentReplicas = previous.currentReplicas();
      desiredReplicas = previous.desiredReplicas();
      lastScaleTime = previous.lastScaleTime();
      lastScaleReason = previous.lastScaleReason();
      signals = previous.signals();
      forecast = previous.forecast();
      consecutiveMetricFailures = previous.consecutiveMetricFailures();
      mode = previous.mode();
    }
  }

  List<Condition> previousConditions() {
    return previous == null || previous.conditions() == null ? List.of() : previous.conditions();
  }

  ScaledApiStatus previous() {
    return previous;
  }

  /** When the previous status says the target was last scaled; empty if never or unreadable. */
  Optional<Instant> previousScaleTime() {
    if (previous == null || previous.lastScaleTime() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(previous.lastScaleTime()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  StatusDraft replicas(int current, int desired) {
    this.currentReplicas = current;
    this.desiredReplicas = desired;
    return this;
  }

  StatusDraft signals(SignalsStatus signals, int consecutiveFailures) {
    this.signals = signals;
    this.consecutiveMetricFailures = consecutiveFailures;
    return this;
  }

  /** The forecast to report; {@code null} removes it. */
  StatusDraft forecast(ForecastStatus forecast) {
    this.forecast = forecast;
    return this;
  }

  /** What the operator does with its decisions, as {@link OperatingMode} names it. */
  StatusDraft mode(String mode) {
    this.mode = mode;
    return this;
  }

  StatusDraft scaled(Instant at, String reason) {
    this.lastScaleTime = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    this.lastScaleReason = reason;
    return this;
  }

  StatusDraft condition(Conditions.Wanted wanted) {
    return condition(wanted.type(), wanted.status(), wanted.reason(), wanted.message());
  }

  StatusDraft condition(String type, boolean status, String reason, String message) {
    conditions.removeIf(c -> c.type().equals(type));
    conditions.add(new Conditions.Wanted(type, status, reason, message));
    return this;
  }

  /**
   * Ready and ScalingActive False for a reason that stops everything else. A poll stopped before it
   * read the signals keeps the MetricsAvailable condition it found: the last thing known of them,
   * so that an outage that goes on is not reported as a new one by the next poll that reads them.
   */
  StatusDraft blocked(String reason, String message) {
    condition(Conditions.READY, false, reason, message);
    condition(Conditions.SCALING_ACTIVE, false, reason, message);
    if (conditions.stream().noneMatch(c -> c.type().equals(Conditions.METRICS_AVAILABLE))) {
      Conditions.find(previousConditions(), Conditions.METRICS_AVAILABLE).ifPresent(kept::add);
    }
    return this;
  }

  ScaledApiStatus build(Instant now) {
    return new ScaledApiStatus(
        generation,
        currentReplicas,
        desiredReplicas,
        lastScaleTime,
        lastScaleReason,
        signals,
        forecast,
        consecutiveMetricFailures,
        mode,
        Conditions.merge(previousConditions(), conditions, kept, now, generation));
  }
}
