package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.CapacityLearner;
import io.scaledapi.operator.engine.ForecastDemand;
import io.scaledapi.operator.engine.LeadTimeLearner;
import io.scaledapi.operator.forecast.Forecast;
import io.scaledapi.operator.forecast.ForecastSettings;
import io.scaledapi.operator.forecast.Forecasters;
import io.scaledapi.operator.forecast.RateForecaster;
import io.scaledapi.operator.spec.PredictionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What prediction remembers of one ScaledApi: its forecaster, whether the warm-up from history is
 * done, and the lead-time and capacity learners. In memory only: a restarted operator warms up
 * again from Prometheus and loses nothing it cannot read back.
 */
final class Forecasting {
  private final PredictionSettings.Training training;
  private final RateForecaster forecaster;
  private boolean warmed;
  private Instant lastWarmUp;
  private String warmUpNote;
  private LeadTimeLearner leadTime = LeadTimeLearner.empty();
  private CapacityLearner capacity = CapacityLearner.empty();

  Forecasting(PredictionSettings.Training training) {
    this.training = training;
    this.forecaster =
        Forecasters.standard(ForecastSettings.defaults().withSeasonLength(training.seasonLength()));
  }

  PredictionSettings.Training training() {
    return training;
  }

  /** True before the first warm-up, and after a failed one once {@code retry} has passed. */
  boolean warmUpDue(Instant now, Duration retry) {
    return !warmed && (lastWarmUp == null || !now.isBefore(lastWarmUp.plus(retry)));
  }

  /** Trains on history read at {@code at}; complete when all of it was read. */
  void warmUp(Instant at, Iterable<Autoscaler.RatePoint> history, boolean complete, String note) {
    history.forEach(p -> forecaster.observe(p.time(), p.rate()));
    this.lastWarmUp = at;
    this.warmed = complete;
    this.warmUpNote = note;
  }

  void scaledUp(Instant at, int toReplicas) {
    leadTime = leadTime.withScaleUp(at, toReplicas);
  }

  /**
   * The arrival rate trains the forecaster and, with the requests waiting, the capacity learner;
   * the target's replicas train the lead-time learner.
   */
  void observe(Instant now, Observation seen) {
    OptionalDouble arrivalRate = seen.arrivalRate();
    arrivalRate.ifPresent(rate -> forecaster.observe(now, rate));
    leadTime = leadTime.withObservation(now, seen.specReplicas(), seen.readyReplicas());
    if (arrivalRate.isPresent() && seen.waiting().isPresent()) {
      capacity =
          capacity.withObservation(
              now, arrivalRate.getAsDouble(), seen.waiting().getAsDouble(), seen.readyReplicas());
    }
  }

  /** Where prediction stands at {@code now}. */
  ForecastOutcome outcome(PredictionSettings settings, Instant now, Duration pollingInterval) {
    LeadTime lead = LeadTime.of(settings, leadTime.estimate(), pollingInterval);
    Optional<Forecast> forecast = forecaster.forecast(now, lead.horizon(), settings.confidence());
    if (forecast.isEmpty()) {
      return new ForecastOutcome.NotReady(
          lead,
          forecaster.notReadyReason(now).orElse("the forecaster is not ready"),
          Optional.ofNullable(warmUpNote));
    }
    Forecast f = forecast.get();
    Optional<Capacity> known = Capacity.of(settings, capacity.estimate());
    if (known.isEmpty()) {
      return new ForecastOutcome.CapacityUnknown(
          f, lead, capacity.notReadyReason().orElse("no estimate yet"));
    }
    Capacity c = known.get();
    return new ForecastOutcome.Ready(
        f,
        lead,
        c,
        new ForecastDemand(
            f.rate(), f.upper(), lead.horizon(), c.perReplica(), settings.enforce()));
  }
}
