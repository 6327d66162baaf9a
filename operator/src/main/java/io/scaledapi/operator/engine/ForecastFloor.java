package io.scaledapi.operator.engine;

import java.util.Optional;

/**
 * Adds the forecast to the recommendation: {@code max(reactive, ceil(upper / capacity))}. It only
 * ever raises, and it acts before stabilization, so the scale-down window holds pre-scaled replicas
 * as it holds any other recommendation and a falling forecast never scales in faster than the
 * reactive signals allow.
 */
final class ForecastFloor {

  private ForecastFloor() {}

  static Recommendation raise(Recommendation reactive, Optional<ForecastDemand> demand) {
    if (demand.isEmpty() || !demand.get().enforce() || !reactive.recorded()) {
      return reactive;
    }
    ForecastDemand p = demand.get();
    int needed = p.replicas();
    if (needed <= reactive.replicas()) {
      return reactive;
    }
    return new Recommendation(
        needed,
        Reason.FORECAST,
        p.describe() + "; reactive signals ask for " + reactive.replicas(),
        true,
        reactive.metricsAvailable(),
        reactive.consecutiveFailures());
  }
}
