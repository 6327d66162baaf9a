package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.autoscaler.Autoscaler;
import io.scaledapi.operator.autoscaler.Autoscalers;
import io.scaledapi.operator.autoscaler.Observation;
import io.scaledapi.operator.engine.Decision;
import io.scaledapi.operator.engine.Reason;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.reconciler.EventRecorder.Type;
import io.scaledapi.operator.spec.ParsedSpec;
import io.scaledapi.operator.spec.ScaledApiSettings;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Observe the target, read the signals, let the engine decide, write {@code /scale}, report. Every
 * poll is rescheduled after the ScaledApi's polling interval; a reconcile that comes sooner (a spec
 * edit) only reports an invalid spec, and otherwise leaves the edit to the next poll. Of several
 * ScaledApis on one workload only the oldest writes it ({@link Ownership}). Deletes reach {@code
 * reconcile} too (no finalizer needed): what is kept in memory for a deleted ScaledApi is dropped.
 */
@ControllerConfiguration(name = ScaledApiReconciler.NAME, triggerReconcilerOnAllEvents = true)
final class ScaledApiReconciler implements Reconciler<ScaledApi> {
  public static final String NAME = "scaledapi";

  /**
   * What the reconciler works with; all I/O goes through these.
   *
   * @param specs parses each spec, confining its queries when namespace isolation is on
   * @param peers the ScaledApis of a namespace, to tell which one owns a workload
   * @param nanoTime a monotonic clock, for the pacing of polls
   */
  public record Collaborators(
      SpecParser specs,
      ScaleTargets targets,
      HpaConflicts hpaConflicts,
      SignalReader signals,
      EventRecorder events,
      OperatorMetrics metrics,
      Clock clock,
      ScaledApiPeers peers,
      LongSupplier nanoTime) {}

  private final Collaborators c;
  private final Autoscalers autoscalers = new Autoscalers();
  private final Warmer warmer;
  private final Reports reports;

  public ScaledApiReconciler(Collaborators collaborators) {
    this.c = collaborators;
    this.warmer = new Warmer(collaborators.signals().sources());
    this.reports = new Reports(collaborators.events());
  }

  /** The key of a ScaledApi's autoscaler: its uid, or namespace/name for an object without one. */
  static String key(ScaledApi scaledApi) {
    String uid = scaledApi.getMetadata().getUid();
    return uid != null
        ? uid
        : scaledApi.getMetadata().getNamespace() + "/" + scaledApi.getMetadata().getName();
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
      autoscalers.forget(key(scaledApi));
      c.targets().forget(key(scaledApi));
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
      return ReconcileFailure.report(scaledApi, failure, c.events(), c.clock());
    }
  }

  private UpdateControl<ScaledApi> reconcile(ScaledApi scaledApi) {
    Instant now = c.clock().instant();
    Autoscaler autoscaler = autoscalers.of(key(scaledApi));
    StatusDraft draft =
        new StatusDraft(scaledApi.getStatus(), scaledApi.getMetadata().getGeneration())
            .mode(OperatingMode.of(scaledApi.getSpec()));
    autoscaler
        .unreportedScale(draft.previousScaleTime())
        .ifPresent(last -> draft.scaled(last.at(), last.reason()));

    // an invalid spec is reported at once: it reads and writes nothing, so it needs no pacing
    String namespace = scaledApi.getMetadata().getNamespace();
    ParsedSpec parsed = c.specs().parse(scaledApi.getSpec(), namespace);
    Duration interval = parsed.pollingInterval();
    List<String> problems =
        parsed instanceof ParsedSpec.Invalid invalid
            ? invalid.problems()
            : c.signals().sources().problems(scaledApi);
    if (!problems.isEmpty()) {
      return block(scaledApi, draft, "InvalidSpec", String.join("; ", problems), interval, now);
    }
    ScaledApiSettings settings = ((ParsedSpec.Valid) parsed).settings();
    Optional<Duration> early = autoscaler.untilNextPoll(c.nanoTime().getAsLong(), interval);
    if (early.isPresent()) {
      // an edit between polls: the next poll applies it
      return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(early.get());
    }
    autoscaler.lateness(c.nanoTime().getAsLong(), interval).ifPresent(c.metrics()::pollLate);
    autoscaler.polling(c.nanoTime().getAsLong());
    ScaledApiSpec spec = scaledApi.getSpec();
    Optional<ScaledApi> owner =
        Ownership.ownerOtherThan(scaledApi, c.peers().inNamespace(namespace));
    if (owner.isPresent()) {
      String message = Ownership.message(owner.get(), spec.scaleTargetRef());
      return block(scaledApi, draft, "ConflictingScaledApi", message, interval, now);
    }
    TargetObservation observed =
        c.targets().observe(key(scaledApi), namespace, spec.scaleTargetRef());
    if (observed instanceof TargetObservation.Missing missing) {
      return block(scaledApi, draft, missing.reason(), missing.message(), interval, now);
    }
    TargetObservation.Found target = (TargetObservation.Found) observed;
    poll(scaledApi, autoscaler, settings, target, draft, now);
    return finish(scaledApi, draft, interval, now);
  }

  /** Reads the signals, lets the autoscaler decide, reports, and writes {@code /scale}. */
  private void poll(
      ScaledApi scaledApi,
      Autoscaler autoscaler,
      ScaledApiSettings settings,
      TargetObservation.Found target,
      StatusDraft draft,
      Instant now) {
    SignalReader.Snapshot signals = c.signals().read(scaledApi, settings.queries(), now);
    if (autoscaler.warmUpDue(settings, now)) {
      warmer.warmUp(scaledApi, autoscaler, settings, now);
    }
    Autoscaler.Poll poll = autoscaler.poll(settings, now, observation(scaledApi, target, signals));
    Decision decision = poll.decision();
    report(scaledApi, draft, target, signals, poll, now);

    ScaleTargetRef ref = scaledApi.getSpec().scaleTargetRef();
    String namespace = scaledApi.getMetadata().getNamespace();
    Optional<HpaConflicts.Hold> hold =
        HpaConflicts.hold(c.hpaConflicts().check(namespace, ref), ref, target.specReplicas());
    if (hold.isPresent()) {
      reports.warnOnce(
          scaledApi, draft, Conditions.READY, hold.get().reason(), hold.get().message());
      draft.blocked(hold.get().reason(), hold.get().message());
      return;
    }
    act(scaledApi, autoscaler, draft, target, decision, now);
    if (decision.metricsAvailable()) {
      draft.condition(Conditions.READY, true, "Reconciled", "scaling on the signals read");
    }
  }

  /** The decision and the forecast in status, conditions, events and the operator's metrics. */
  private void report(
      ScaledApi scaledApi,
      StatusDraft draft,
      TargetObservation.Found target,
      SignalReader.Snapshot signals,
      Autoscaler.Poll poll,
      Instant now) {
    String namespace = scaledApi.getMetadata().getNamespace();
    String name = scaledApi.getMetadata().getName();
    Decision decision = poll.decision();
    c.metrics()
        .decided(namespace, name, decision.reason().conditionReason(), decision.desiredReplicas());
    ForecastStatus forecast = ForecastReport.status(poll.forecast(), now);
    draft
        .replicas(target.specReplicas(), decision.desiredReplicas())
        .signals(signals.status(), decision.history().consecutiveFailures())
        .forecast(forecast);
    ForecastReport.condition(poll.forecast()).ifPresent(draft::condition);
    if (forecast != null && forecast.rate() != null) {
      c.metrics().forecast(namespace, name, forecast.rate(), forecast.upper());
    }
    reports.metrics(scaledApi, draft, decision);
    Reports.limit(draft, decision);
  }

  /** What the autoscaler is told of this poll. */
  private static Observation observation(
      ScaledApi scaledApi, TargetObservation.Found target, SignalReader.Snapshot signals) {
    SignalReading queue = signals.signals().queueDepth();
    Integer failures =
        scaledApi.getStatus() == null ? null : scaledApi.getStatus().consecutiveMetricFailures();
    return new Observation(
        target.specReplicas(),
        target.readyReplicas(),
        signals.signals(),
        signals
            .servedRate()
            .filter(SignalReading::available)
            .map(SignalReading::value)
            .orElse(OptionalDouble.empty()),
        queue.available() ? queue.value() : OptionalDouble.empty(),
        failures == null ? 0 : failures);
  }

  /** Writes /scale when the decision moves replicas and the spec allows it. */
  private void act(
      ScaledApi scaledApi,
      Autoscaler autoscaler,
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
      return;
    }
    if (spec.pausedOrDefault()) {
      String message =
          decision.scales(current)
              ? "spec.paused is true; would " + verb + change
              : "spec.paused is true; " + decision.message();
      draft.condition(Conditions.SCALING_ACTIVE, false, "Paused", message);
      return;
    }
    String reason = decision.reason().conditionReason();
    if (!decision.scales(current)) {
      draft.condition(Conditions.SCALING_ACTIVE, true, reason, decision.message());
      return;
    }
    if (spec.modeOrDefault() == Mode.DRY_RUN) {
      ScaledApiStatus previous = draft.previous();
      if (previous == null
          || previous.desiredReplicas() == null
          || previous.desiredReplicas() != desired) {
        c.events().record(scaledApi, Type.NORMAL, "DryRunRescale", "would " + verb + change);
      }
      draft.condition(Conditions.SCALING_ACTIVE, true, "DryRun", "would " + verb + change);
      return;
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
      return;
    }
    c.metrics().scaled(direction, true);
    String done = decision.reason() == Reason.FORECAST ? "pre-scaled " + change : change;
    autoscaler.scaled(now, current, desired, done);
    c.events().record(scaledApi, Type.NORMAL, "Rescaled", done);
    draft.scaled(now, done);
    draft.condition(Conditions.SCALING_ACTIVE, true, reason, done);
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
    return UpdateControl.patchStatus(StatusPatch.of(scaledApi, next)).rescheduleAfter(interval);
  }
}
