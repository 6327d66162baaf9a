package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.ForecastDemand;
import io.scaledapi.operator.engine.Provisioning;
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
 * What prediction remembers of one ScaledApi: its forecaster and whether the warm-up from history
 * is done. In memory only: a restarted operator warms up again from Prometheus and loses nothing it
 * cannot read back.
 */
final class Forecasting {
  private final PredictionSettings.Training training;
  private final RateForecaster forecaster;
  private boolean warmed;
  private Instant lastWarmUp;
  private String warmUpNote;

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

  /** The arrival rate read, when it was, trains the forecaster. */
  void observe(Instant now, OptionalDouble arrivalRate) {
    arrivalRate.ifPresent(rate -> forecaster.observe(now, rate));
  }

  /**
   * Where prediction stands at {@code now}, looking {@code lead} ahead.
   *
   * @param provisioning the capacity per replica, when known
   * @param capacityWhy why the capacity is not known, when it is not
   * @param utilization the share of capacity provisioned for
   */
  ForecastOutcome outcome(
      PredictionSettings settings,
      Instant now,
      LeadTime lead,
      Optional<Provisioning> provisioning,
      String capacityWhy,
      double utilization) {
    Optional<Forecast> forecast = forecaster.forecast(now, lead.horizon(), settings.confidence());
    if (forecast.isEmpty()) {
      return new ForecastOutcome.NotReady(
          lead,
          forecaster.notReadyReason(now).orElse("the forecaster is not ready"),
          Optional.ofNullable(warmUpNote));
    }
    Forecast f = forecast.get();
    if (provisioning.isEmpty()) {
      return new ForecastOutcome.CapacityUnknown(f, lead, capacityWhy);
    }
    Provisioning p = provisioning.get();
    return new ForecastOutcome.Ready(
        f,
        lead,
        p,
        new ForecastDemand(
            f.rate(),
            f.upper(),
            lead.horizon(),
            p.capacityPerReplica(),
            utilization,
            settings.enforce()));
  }
}
