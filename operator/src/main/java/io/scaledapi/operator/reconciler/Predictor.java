package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.Prediction;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one forecaster per ScaledApi, warm-started from Prometheus history on the first reconcile
 * (and after a restart), fed with each arrival-rate sample, and turns its forecast at the lead time
 * into what the engine provisions for. Lead time and capacity are learned when set to auto.
 */
final class Predictor {
  /** The start-up time assumed for lead time auto until a scale-up has been seen. */
  static final Duration DEFAULT_STARTUP = Duration.ofSeconds(60);

  /** A failed warm start is tried again after this long at the earliest. */
  static final Duration WARM_RETRY = Duration.ofMinutes(1);

  private final Warmer warmer;
  private final Map<String, PredictionState> states = new ConcurrentHashMap<>();

  Predictor(Warmer warmer) {
    this.warmer = warmer;
  }

  /**
   * What prediction contributes to this reconcile.
   *
   * @param prediction what the engine provisions for; empty while not ready or off
   * @param status the forecast to report; {@code null} when prediction is off
   * @param condition PredictionReady; empty when prediction is off
   */
  record Outcome(
      Optional<Prediction> prediction,
      ForecastStatus status,
      Optional<Conditions.Wanted> condition) {
    static Outcome off() {
      return new Outcome(Optional.empty(), null, Optional.empty());
    }
  }

  /** Everything {@link #predict} reads. */
  record Inputs(
      ScaledApi scaledApi,
      Instant now,
      SignalReader.Snapshot signals,
      TargetObservation.Found target,
      Duration pollingInterval) {}

  Outcome predict(Inputs in) {
    String key = ScalingStates.key(in.scaledApi());
    Optional<PredictionSettings> parsed = PredictionSettings.of(in.scaledApi().getSpec());
    if (parsed.isEmpty()) {
      states.remove(key);
      return Outcome.off();
    }
    PredictionSettings settings = parsed.get();
    PredictionState state =
        states.compute(
            key,
            (k, known) ->
                known != null && known.training().equals(settings.training())
                    ? known
                    : new PredictionState(settings.training()));
    if (state.shouldWarm(in.now(), WARM_RETRY)) {
      warmer.warm(in.scaledApi(), state, in.now());
    }
    observe(state, in);
    return forecast(state, settings, in);
  }

  /** Drops what was learned for a deleted ScaledApi. */
  void forget(ScaledApi scaledApi) {
    states.remove(ScalingStates.key(scaledApi));
  }

  /** Tells the lead-time learner that the operator raised the target's replicas. */
  void scaledUp(ScaledApi scaledApi, Instant at, int toReplicas) {
    PredictionState state = states.get(ScalingStates.key(scaledApi));
    if (state != null) {
      state.scaledUp(at, toReplicas);
    }
  }

  private static void observe(PredictionState state, Inputs in) {
    SignalReading queue = in.signals().signals().queueDepth();
    state.observe(
        in.now(),
        in.target().specReplicas(),
        in.target().readyReplicas(),
        in.signals()
            .arrivalRate()
            .filter(SignalReading::available)
            .map(a -> a.value())
            .orElse(OptionalDouble.empty()),
        queue.available() ? queue.value() : OptionalDouble.empty());
  }

  private static Outcome forecast(PredictionState state, PredictionSettings settings, Inputs in) {
    PredictionState.Step step = state.step(settings, in.now(), in.pollingInterval());
    LeadTime lead = step.lead();
    if (step.forecast().isEmpty()) {
      String why =
          state.forecaster().notReadyReason(in.now()).orElse("the forecaster is not ready")
              + state.warmNote().map(n -> "; " + n).orElse("");
      return new Outcome(
          Optional.empty(),
          ForecastReport.waiting(lead, in.now()),
          Optional.of(notReady("InsufficientHistory", why)));
    }
    Forecast f = step.forecast().get();
    Optional<Capacity> capacity = step.capacity();
    if (capacity.isEmpty()) {
      String why =
          "capacityPerReplica is auto and not learned yet: "
              + state.capacityNotReadyReason()
              + "; the forecast is reported but not acted on. Set"
              + " spec.prediction.capacityPerReplica to act now";
      return new Outcome(
          Optional.empty(),
          ForecastReport.of(f, lead, Optional.empty(), in.now()),
          Optional.of(notReady("CapacityUnknown", why)));
    }
    Prediction prediction = step.prediction(settings.enforce()).orElseThrow();
    Conditions.Wanted ready =
        settings.enforce()
            ? new Conditions.Wanted(
                Conditions.PREDICTION_READY,
                true,
                "Forecasting",
                "provisioning for " + prediction.describe() + "; " + ForecastReport.quality(f))
            : new Conditions.Wanted(
                Conditions.PREDICTION_READY,
                true,
                "ForecastOnly",
                "spec.prediction.mode is ForecastOnly, reporting only: "
                    + prediction.describe()
                    + "; "
                    + ForecastReport.quality(f));
    return new Outcome(
        Optional.of(prediction),
        ForecastReport.of(f, lead, capacity, in.now()),
        Optional.of(ready));
  }

  private static Conditions.Wanted notReady(String reason, String message) {
    return new Conditions.Wanted(Conditions.PREDICTION_READY, false, reason, message);
  }
}
