package io.scaledapi.operator.reconciler;

import io.scaledapi.operator.engine.CapacityLearner;
import io.scaledapi.operator.engine.LeadTimeLearner;
import io.scaledapi.operator.engine.Prediction;
import io.scaledapi.operator.forecast.Forecast;
import io.scaledapi.operator.forecast.ForecastSettings;
import io.scaledapi.operator.forecast.Forecasters;
import io.scaledapi.operator.forecast.RateForecaster;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What prediction remembers of one ScaledApi: its forecaster, whether the warm start from history
 * is done, and the lead-time and capacity learners. In memory only: a restarted operator warms
 * again from Prometheus and loses nothing it cannot read back.
 */
public final class PredictionState {
  private final PredictionSettings.Training training;
  private final RateForecaster forecaster;
  private boolean warmed;
  private Instant lastWarmAttempt;
  private String warmNote;
  private LeadTimeLearner leadTime = LeadTimeLearner.empty();
  private CapacityLearner capacity = CapacityLearner.empty();

  public PredictionState(PredictionSettings.Training training) {
    this.training = training;
    this.forecaster =
        Forecasters.standard(ForecastSettings.defaults().withSeasonLength(training.seasonLength()));
  }

  PredictionSettings.Training training() {
    return training;
  }

  public RateForecaster forecaster() {
    return forecaster;
  }

  /** True before the first warm start, and after a failed one once {@code retry} has passed. */
  boolean shouldWarm(Instant now, Duration retry) {
    return !warmed && (lastWarmAttempt == null || !now.isBefore(lastWarmAttempt.plus(retry)));
  }

  /** Records a warm start: complete when all history was read, with a line saying what happened. */
  void warmAttempted(Instant at, boolean complete, String note) {
    this.lastWarmAttempt = at;
    this.warmed = complete;
    this.warmNote = note;
  }

  /** What the last warm start did, e.g. why history could not be read. */
  Optional<String> warmNote() {
    return Optional.ofNullable(warmNote);
  }

  /** The operator raised the target to {@code toReplicas} at {@code at}. */
  public void scaledUp(Instant at, int toReplicas) {
    leadTime = leadTime.withScaleUp(at, toReplicas);
  }

  /**
   * What one reconcile saw: the arrival rate (trains the forecaster, and with the requests waiting
   * the capacity learner) and the target's replicas (the lead-time learner).
   */
  public void observe(
      Instant now,
      int specReplicas,
      int readyReplicas,
      OptionalDouble arrivalRate,
      OptionalDouble waiting) {
    arrivalRate.ifPresent(rate -> forecaster.observe(now, rate));
    leadTime = leadTime.withObservation(now, specReplicas, readyReplicas);
    if (arrivalRate.isPresent() && waiting.isPresent()) {
      capacity =
          capacity.withObservation(
              now, arrivalRate.getAsDouble(), waiting.getAsDouble(), readyReplicas);
    }
  }

  /**
   * Where prediction stands at {@code now}: the lead time, the forecast at it (empty while the
   * forecaster is not ready) and the capacity per replica (empty while auto and not learned).
   */
  record Step(LeadTime lead, Optional<Forecast> forecast, Optional<Capacity> capacity) {

    /** What the engine provisions for; empty while the forecast or the capacity is unknown. */
    Optional<Prediction> prediction(boolean enforce) {
      return forecast.flatMap(
          f ->
              capacity.map(
                  c ->
                      new Prediction(
                          f.rate(), f.upper(), lead.horizon(), c.perReplica(), enforce)));
    }
  }

  Step step(PredictionSettings settings, Instant now, Duration pollingInterval) {
    LeadTime lead = LeadTime.of(settings, leadTime.estimate(), pollingInterval);
    return new Step(
        lead,
        forecaster.forecast(now, lead.horizon(), settings.confidence()),
        Capacity.of(settings, capacity.estimate()));
  }

  /** What the engine provisions for now, exactly as the operator computes it each reconcile. */
  public Optional<Prediction> prediction(
      PredictionSettings settings, Instant now, Duration pollingInterval) {
    return step(settings, now, pollingInterval).prediction(settings.enforce());
  }

  String capacityNotReadyReason() {
    return capacity.notReadyReason().orElse("no estimate yet");
  }
}
