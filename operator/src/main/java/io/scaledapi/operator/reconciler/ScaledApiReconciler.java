package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
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
import java.util.function.LongSupplier;

/**
 * Observe the target, read the signals, let the engine decide, write {@code /scale}, report. Every
 * poll is rescheduled after the ScaledApi's polling interval; a reconcile that comes sooner (a spec
 * edit) only reports an invalid spec, and otherwise leaves the edit to the next poll. Of several
 * ScaledApis on one workload only the oldest writes it ({@link Ownership}). Deletes reach {@code
 * reconcile} too (no finalizer needed): what is kept in memory for a deleted ScaledApi is dropped.
 */
@ControllerConfiguration(name = ScaledApiReconciler.NAME, triggerReconcilerOnAllEvents = true)
public final class ScaledApiReconciler implements Reconciler<ScaledApi> {
  public static final String NAME = "scaledapi";

  /**
   * What the reconciler works with; all I/O goes through these.
   *
   * @param peers the ScaledApis of a namespace, to tell which one owns a workload
   * @param nanoTime a monotonic clock, for the pacing of polls
   */
  public record Collaborators(
      ScaleTargets targets,
      HpaConflicts hpaConflicts,
      SignalReader signals,
      EventRecorder events,
      OperatorMetrics metrics,
      Clock clock,
      boolean serverSideApplyStatus,
      ScaledApiPeers peers,
      LongSupplier nanoTime) {}

  private final Collaborators c;
  private final ScalingStates states = new ScalingStates();
  private final Predictor predictor;
  private final Reports reports;
  private final PollPacer pacer;

  public ScaledApiReconciler(Collaborators collaborators) {
    this.c = collaborators;
    this.pacer = new PollPacer(collaborators.nanoTime());
    this.predictor = new Predictor(new Warmer(collaborators.signals().sources()));
    this.reports = new Reports(collaborators.events());
  }

  /** Hands the framework's cache of ScaledApis to {@code peers}; no event source of its own. */
  @Override
  public List<EventSource<?, ScaledApi>> prepareEventSources(
      EventSourceContext<ScaledApi> context) {
    c.peers().bind(context.getPrimaryCache());
    return List.of();
  }

  @Override
  public UpdateControl<ScaledApi> reconcile(ScaledApi scaledApi, Context<ScaledApi> context) {
    if (context.isPrimaryResourceDeleted()) {
      states.forget(scaledApi);
      predictor.forget(scaledApi);
      pacer.forget(scaledApi);
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

    // an invalid spec is reported at once: it reads and writes nothing, so it needs no pacing
    List<String> problems = SpecValidator.problems(spec);
    if (problems.isEmpty()) {
      problems = c.signals().sources().problems(scaledApi);
    }
    if (!problems.isEmpty()) {
      return block(scaledApi, draft, "InvalidSpec", String.join("; ", problems), interval, now);
    }
    Optional<Duration> early = pacer.untilNextPoll(scaledApi, interval);
    if (early.isPresent()) {
      // an edit between polls: the next poll applies it
      return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(early.get());
    }
    pacer.polling(scaledApi);
    String namespace = scaledApi.getMetadata().getNamespace();
    Optional<ScaledApi> owner =
        Ownership.ownerOtherThan(scaledApi, c.peers().inNamespace(namespace));
    if (owner.isPresent()) {
      String message = Ownership.message(owner.get(), spec.scaleTargetRef());
      return block(scaledApi, draft, "ConflictingScaledApi", message, interval, now);
    }
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

    ScalingHistory history = decision.history();
    Optional<HpaConflicts.Hold> hold =
        HpaConflicts.hold(
            c.hpaConflicts().check(namespace, spec.scaleTargetRef()),
            spec.scaleTargetRef(),
            target.specReplicas());
    hold.ifPresent(
        h -> {
          reports.warnOnce(scaledApi, draft, Conditions.READY, h.reason(), h.message());
          draft.blocked(h.reason(), h.message());
        });
    if (hold.isEmpty()) {
      history = act(scaledApi, draft, target, decision, now);
    }
    states.put(scaledApi, history);
    if (hold.isEmpty() && decision.metricsAvailable()) {
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
    if (!StatusPatch.needed(scaledApi.getStatus(), next)) {
      return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(interval);
    }
    return UpdateControl.patchStatus(StatusPatch.of(scaledApi, next, c.serverSideApplyStatus()))
        .rescheduleAfter(interval);
  }
}
