package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.ForecastDemand;
import io.scaledapi.operator.engine.Provisioning;
import io.scaledapi.operator.forecast.Forecast;
import java.util.Optional;

/** What prediction contributed to one poll. */
public sealed interface ForecastOutcome {

  /** What the engine provisioned for; empty unless {@link Ready}. */
  default Optional<ForecastDemand> demand() {
    return Optional.empty();
  }

  /** Prediction is off. */
  record Off() implements ForecastOutcome {}

  /**
   * No forecast yet.
   *
   * @param why what the forecaster still needs
   * @param warmUp what the last warm-up from history did, when one was tried
   */
  record NotReady(LeadTime lead, String why, Optional<String> warmUp) implements ForecastOutcome {}

  /**
   * A forecast, not acted on: the capacity per replica is auto and not learned yet.
   *
   * @param why what the capacity learner still needs
   */
  record CapacityUnknown(Forecast forecast, LeadTime lead, String why) implements ForecastOutcome {}

  /** A forecast and what it asks of the decision (acted on unless ForecastOnly). */
  record Ready(Forecast forecast, LeadTime lead, Provisioning provisioning, ForecastDemand asks)
      implements ForecastOutcome {
    @Override
    public Optional<ForecastDemand> demand() {
      return Optional.of(asks);
    }
  }
}
