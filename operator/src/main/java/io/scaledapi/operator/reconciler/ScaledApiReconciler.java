package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.engine.Decision;
import io.scaledapi.operator.engine.Reason;
import io.scaledapi.operator.engine.ScalingEngine;
import io.scaledapi.operator.engine.ScalingHistory;
import io.scaledapi.operator.engine.ScalingInput;
import io.scaledapi.operator.reconciler.EventRecorder.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Observe the target, read the signals, let the engine decide, write {@code /scale}, report. Every
 * poll is rescheduled after the ScaledApi's polling interval. Deletes reach {@code reconcile} too
 * (no finalizer needed): what is kept in memory for a deleted ScaledApi is dropped.
 */
@ControllerConfiguration(name = ScaledApiReconciler.NAME, triggerReconcilerOnAllEvents = true)
public final class ScaledApiReconciler implements Reconciler<ScaledApi> {
  public static final String NAME = "scaledapi";

  /** What the reconciler works with; all I/O goes through these. */
  public record Collaborators(
      ScaleTargets targets,
      HpaConflicts hpaConflicts,
      SignalReader signals,
      EventRecorder events,
      OperatorMetrics metrics,
      Clock clock,
      boolean serverSideApplyStatus) {}

  private final Collaborators c;
  private final ScalingStates states = new ScalingStates();
  private final Predictor predictor;
  private final Reports reports;

  public ScaledApiReconciler(Collaborators collaborators) {
    this.c = collaborators;
    this.predictor = new Predictor(new Warmer(collaborators.signals().sources()));
    this.reports = new Reports(collaborators.events());
  }

  @Override
  public UpdateControl<ScaledApi> reconcile(ScaledApi scaledApi, Context<ScaledApi> context) {
    if (context.isPrimaryResourceDeleted()) {
      states.forget(scaledApi);
      predictor.forget(scaledApi);
      c.metrics().forget(scaledApi.getMetadata().getNamespace(), scaledApi.getMetadata().getName());
      return UpdateControl.noUpdate();
    }
    try {
      UpdateControl<ScaledApi> control = reconcile(scaledApi);
      c.metrics().reconciled("success");
      return control;
    } catch (Throwable failure) {
      // Anything one reconcile throws stays with its ScaledApi: an Error escaping here would
      // leave it marked in progress and never reconciled again.
      c.metrics().reconciled("error");
      if (ReconcileFailure.fatal(failure)) {
        throw (VirtualMachineError) failure;
      }
      return ReconcileFailure.report(
          scaledApi, failure, c.events(), c.clock(), c.serverSideApplyStatus());
    }
  }

  private UpdateControl<ScaledApi> reconcile(ScaledApi scaledApi) {
    Instant now = c.clock().instant();
    ScaledApiSpec spec = scaledApi.getSpec();
    StatusDraft draft =
        new StatusDraft(scaledApi.getStatus(), scaledApi.getMetadata().getGeneration());
    states.unreported(scaledApi).ifPresent(last -> draft.scaled(last.at(), last.reason()));
    Duration interval = SpecValidator.pollingInterval(spec);

    List<String> problems = SpecValidator.problems(spec);
    if (problems.isEmpty()) {
      problems = c.signals().sources().problems(scaledApi);
    }
    if (!problems.isEmpty()) {
      return block(scaledApi, draft, "InvalidSpec", String.join("; ", problems), interval, now);
    }
    String namespace = scaledApi.getMetadata().getNamespace();
    TargetObservation observed = c.targets().observe(namespace, spec.scaleTargetRef());
    if (observed instanceof TargetObservation.Missing missing) {
      return block(scaledApi, draft, missing.reason(), missing.message(), interval, now);
    }
    TargetObservation.Found target = (TargetObservation.Found) observed;

    SignalReader.Snapshot signals = c.signals().read(scaledApi, now);
    Predictor.Outcome prediction =
        predictor.predict(new Predictor.Inputs(scaledApi, now, signals, target, interval));
    Decision decision =
        ScalingEngine.decide(
            new ScalingInput(
                now,
                target.specReplicas(),
                EngineSpecs.from(spec),
                signals.signals(),
                states.get(scaledApi, target.specReplicas(), now),
                prediction.prediction()));
    c.metrics()
        .decided(
            namespace,
            scaledApi.getMetadata().getName(),
            decision.reason().conditionReason(),
            decision.desiredReplicas());
    draft
        .replicas(target.specReplicas(), decision.desiredReplicas())
        .signals(signals.status(), decision.history().consecutiveFailures())
        .forecast(prediction.status());
    prediction.condition().ifPresent(draft::condition);
    ForecastStatus forecast = prediction.status();
    if (forecast != null && forecast.rate() != null) {
      c.metrics()
          .forecast(
              namespace, scaledApi.getMetadata().getName(), forecast.rate(), forecast.upper());
    }
    reports.metrics(scaledApi, draft, decision);
    Reports.limit(draft, decision);

    Optional<String> hpa = c.hpaConflicts().find(namespace, spec.scaleTargetRef());
    ScalingHistory history = decision.history();
    if (hpa.isPresent()) {
      String message =
          "HorizontalPodAutoscaler "
              + hpa.get()
              + " already scales "
              + KubernetesScaleTargets.describe(spec.scaleTargetRef())
              + "; delete it or this ScaledApi, the two would fight";
      reports.warnOnce(scaledApi, draft, Conditions.SCALING_ACTIVE, "ConflictingHPA", message);
      draft.blocked("ConflictingHPA", message);
    } else {
      history = act(scaledApi, draft, target, decision, now);
    }
    states.put(scaledApi, history);
    if (hpa.isEmpty() && decision.metricsAvailable()) {
      draft.condition(Conditions.READY, true, "Reconciled", "scaling on the signals read");
    }
    return finish(scaledApi, draft, interval, now);
  }

  /** Writes /scale when the decision moves replicas and the spec allows it. */
  private ScalingHistory act(
      ScaledApi scaledApi,
      StatusDraft draft,
      TargetObservation.Found target,
      Decision decision,
      Instant now) {
    int current = target.specReplicas();
    int desired = decision.desiredReplicas();
    String change = current + " -> " + desired + ": " + decision.message();
    String verb = decision.reason() == Reason.FORECAST ? "pre-scale " : "scale ";
    ScaledApiSpec spec = scaledApi.getSpec();
    if (!decision.metricsAvailable() && decision.reason() == Reason.METRICS_UNAVAILABLE) {
      draft.condition(Conditions.SCALING_ACTIVE, false, "MetricsUnavailable", decision.message());
      return decision.history();
    }
    if (spec.pausedOrDefault()) {
      String message =
          decision.scales(current)
              ? "spec.paused is true; would " + verb + change
              : "spec.paused is true; " + decision.message();
      draft.condition(Conditions.SCALING_ACTIVE, false, "Paused", message);
      return decision.history();
    }
    String reason = decision.reason().conditionReason();
    if (!decision.scales(current)) {
      draft.condition(Conditions.SCALING_ACTIVE, true, reason, decision.message());
      return decision.history();
    }
    if (spec.modeOrDefault() == Mode.DRY_RUN) {
      ScaledApiStatus previous = draft.previous();
      if (previous == null
          || previous.desiredReplicas() == null
          || previous.desiredReplicas() != desired) {
        c.events().record(scaledApi, Type.NORMAL, "DryRunRescale", "would " + verb + change);
      }
      draft.condition(Conditions.SCALING_ACTIVE, true, "DryRun", "would " + verb + change);
      return decision.history();
    }
    String direction = desired > current ? "up" : "down";
    try {
      c.targets()
          .scale(scaledApi.getMetadata().getNamespace(), spec.scaleTargetRef(), target, desired);
    } catch (ScaleTargets.ScaleWriteException e) {
      c.metrics().scaled(direction, false);
      reports.warnOnce(
          scaledApi, draft, Conditions.SCALING_ACTIVE, "FailedRescale", e.getMessage());
      draft.condition(Conditions.SCALING_ACTIVE, false, "FailedRescale", e.getMessage());
      return decision.history();
    }
    c.metrics().scaled(direction, true);
    if (desired > current) {
      predictor.scaledUp(scaledApi, now, desired);
    }
    String done = decision.reason() == Reason.FORECAST ? "pre-scaled " + change : change;
    c.events().record(scaledApi, Type.NORMAL, "Rescaled", done);
    draft.scaled(now, done);
    states.scaled(scaledApi, now, done);
    draft.condition(Conditions.SCALING_ACTIVE, true, reason, done);
    return decision.history().withScaleEvent(now, current, desired);
  }

  private UpdateControl<ScaledApi> block(
      ScaledApi scaledApi,
      StatusDraft draft,
      String reason,
      String message,
      Duration interval,
      Instant now) {
    reports.warnOnce(scaledApi, draft, Conditions.READY, reason, message);
    draft.blocked(reason, message);
    return finish(scaledApi, draft, interval, now);
  }

  private UpdateControl<ScaledApi> finish(
      ScaledApi scaledApi, StatusDraft draft, Duration interval, Instant now) {
    ScaledApiStatus next = draft.build(now);
    if (next.equals(scaledApi.getStatus())) {
      return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(interval);
    }
    return UpdateControl.patchStatus(StatusPatch.of(scaledApi, next, c.serverSideApplyStatus()))
        .rescheduleAfter(interval);
  }
}
