package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What a forecast of the arrival rate asks of the decision.
 *
 * @param rate the forecast arrival rate at the horizon, requests per second
 * @param upper the upper end of its band (the confidence quantile): what is provisioned for
 * @param horizon how far ahead the forecast looks (the lead time)
 * @param capacityPerReplica requests per second one ready replica serves
 * @param targetUtilization the share of that capacity provisioned for, as for the measured rate
 * @param enforce false when the forecast is only reported (ForecastOnly)
 */
public record ForecastDemand(
    double rate,
    double upper,
    Duration horizon,
    double capacityPerReplica,
    double targetUtilization,
    boolean enforce) {

  /** Checks that the numbers are finite, non-negative and the capacity positive. */
  public ForecastDemand {
    Objects.requireNonNull(horizon, "horizon");
    if (!Double.isFinite(rate) || rate < 0 || !Double.isFinite(upper) || upper < rate) {
      throw new IllegalArgumentException(
          "forecast must be finite with 0 <= rate <= upper: rate " + rate + ", upper " + upper);
    }
    if (!Double.isFinite(capacityPerReplica) || capacityPerReplica <= 0) {
      throw new IllegalArgumentException(
          "capacityPerReplica must be a positive number: " + capacityPerReplica);
    }
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilization must be in (0, 1]: " + targetUtilization);
    }
  }

  /**
   * The replicas that serve {@link #upper} at the target utilization: {@code ceil(upper /
   * (capacityPerReplica × targetUtilization))}.
   */
  public int replicas() {
    return SignalRules.ceilReplicas(upper / perReplica());
  }

  /** Requests per second one replica is provisioned for. */
  double perReplica() {
    return capacityPerReplica * targetUtilization;
  }

  /** "forecast 540 req/s in 75s needs 16 replicas at 35 req/s each (upper 548 req/s)". */
  public String describe() {
    return "forecast "
        + Format.rate(rate)
        + " req/s in "
        + horizon.toSeconds()
        + "s needs "
        + Format.replicas(replicas())
        + " at "
        + Format.rate(perReplica())
        + " req/s each (upper "
        + Format.rate(upper)
        + " req/s)";
  }
}
