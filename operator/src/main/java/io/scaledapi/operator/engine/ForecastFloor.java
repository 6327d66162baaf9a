package io.scaledapi.operator.engine;

import java.util.Optional;

/**
 * Adds the forecast to the recommendation: the replicas the forecast's upper quantile needs at the
 * target utilization, plus the backlog drained as the demand rule drains it, when that is more than
 * the reactive signals ask. It only ever raises, and it acts before stabilization, so the
 * scale-down window holds pre-scaled replicas as it holds any other recommendation and a falling
 * forecast never scales in faster than the reactive signals allow.
 */
final class ForecastFloor {

  private ForecastFloor() {}

  static Recommendation raise(Recommendation reactive, ScalingInput input) {
    Optional<ForecastDemand> demand = input.forecastDemand();
    if (demand.isEmpty() || !demand.get().enforce() || !reactive.recorded()) {
      return reactive;
    }
    ForecastDemand forecast = demand.get();
    int needed = Math.max(forecast.replicas(), withBacklog(forecast, input));
    if (needed <= reactive.replicas()) {
      return reactive;
    }
    return new Recommendation(
        needed,
        Reason.FORECAST,
        forecast.describe() + "; reactive signals ask for " + reactive.replicas(),
        true,
        reactive.metricsAvailable(),
        reactive.consecutiveFailures());
  }

  /** The forecast's replicas with the backlog read added, as the demand rule counts it. */
  private static int withBacklog(ForecastDemand forecast, ScalingInput input) {
    SignalReading queue = input.signals().queueDepth();
    if (input.provisioning().isEmpty() || !queue.available()) {
      return 0;
    }
    Provisioning provisioning = input.provisioning().get();
    double total = DemandRule.demand(forecast.upper(), queue.value().getAsDouble(), provisioning);
    return SignalRules.ceilReplicas(total / forecast.perReplica());
  }
}
