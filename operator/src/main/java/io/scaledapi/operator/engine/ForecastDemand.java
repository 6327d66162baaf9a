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
 * @param enforce false when the forecast is only reported (ForecastOnly)
 */
public record ForecastDemand(
    double rate, double upper, Duration horizon, double capacityPerReplica, boolean enforce) {

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
  }

  /** The replicas that serve {@link #upper}: {@code ceil(upper / capacityPerReplica)}. */
  public int replicas() {
    // A millionth of a replica over an integer is rounding noise: 500.0000001 / 50 needs 10, not
    // 11.
    double needed = Math.ceil(upper / capacityPerReplica - 1e-6);
    return needed >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, needed);
  }

  /** "forecast 540 req/s in 75s needs 11 replicas at 50 req/s each (upper 548 req/s)". */
  public String describe() {
    return "forecast "
        + Format.rate(rate)
        + " req/s in "
        + horizon.toSeconds()
        + "s needs "
        + Format.replicas(replicas())
        + " at "
        + Format.rate(capacityPerReplica)
        + " req/s each (upper "
        + Format.rate(upper)
        + " req/s)";
  }
}
