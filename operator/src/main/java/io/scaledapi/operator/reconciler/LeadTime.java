package io.scaledapi.operator.reconciler;

import java.time.Duration;
import java.util.Optional;

/**
 * How far ahead to forecast, and where that comes from.
 *
 * @param source Spec, Learned (observed scale-up time plus the polling interval) or Default (an
 *     assumed start-up of {@link Predictor#DEFAULT_STARTUP} plus the polling interval)
 */
record LeadTime(Duration horizon, String source) {

  static LeadTime of(
      PredictionSettings settings, Optional<Duration> learned, Duration pollingInterval) {
    if (settings.leadTime().isPresent()) {
      return new LeadTime(settings.leadTime().get(), "Spec");
    }
    return learned
        .map(d -> new LeadTime(d.plus(pollingInterval), "Learned"))
        .orElseGet(() -> new LeadTime(Predictor.DEFAULT_STARTUP.plus(pollingInterval), "Default"));
  }
}
