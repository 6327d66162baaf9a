package io.scaledapi.operator.reconciler;

import io.scaledapi.operator.engine.CapacityLearner;
import io.scaledapi.operator.engine.LeadTimeLearner;
import io.scaledapi.operator.engine.Prediction;
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

  /** What the target and the signals showed at a reconcile. */
  public void observeTarget(
      Instant now,
      int specReplicas,
      int readyReplicas,
      Optional<Double> arrivalRate,
      Optional<Double> queueDepth) {
    leadTime = leadTime.withObservation(now, specReplicas, readyReplicas);
    if (arrivalRate.isPresent() && queueDepth.isPresent()) {
      capacity = capacity.withObservation(now, arrivalRate.get(), queueDepth.get(), readyReplicas);
    }
  }

  Optional<Duration> leadTimeEstimate() {
    return leadTime.estimate();
  }

  OptionalDouble capacityEstimate() {
    return capacity.estimate();
  }

  /**
   * What the engine provisions for now, as the operator computes it each reconcile: the forecast at
   * the lead time with the capacity per replica; empty while either is not known.
   */
  public Optional<Prediction> prediction(
      PredictionSettings settings, Instant now, Duration pollingInterval) {
    LeadTime lead = LeadTime.of(settings, leadTimeEstimate(), pollingInterval);
    Optional<Capacity> known = Capacity.of(settings, capacityEstimate());
    return known.flatMap(
        c ->
            forecaster
                .forecast(now, lead.horizon(), settings.confidence())
                .map(
                    f ->
                        new Prediction(
                            f.rate(),
                            f.upper(),
                            lead.horizon(),
                            c.perReplica(),
                            settings.enforce())));
  }

  String capacityNotReadyReason() {
    return capacity.notReadyReason().orElse("no estimate yet");
  }
}
