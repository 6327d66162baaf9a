package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A forecast of the arrival rate at {@code target = now + horizon}, in requests per second.
 *
 * @param target the time the forecast is for
 * @param horizon how far ahead of the time it was made
 * @param rate the point forecast
 * @param lower the lower bound of the band, at most {@code rate}
 * @param upper the upper bound of the band, at least {@code rate}
 * @param model the members and their weights, such as "seasonal 0.62 + trend 0.38"
 * @param recentError the recent symmetric mean absolute percentage error of the forecasts at about
 *     this horizon, as a fraction between 0 and 2; empty until enough have been scored
 */
public record Forecast(
    Instant target,
    Duration horizon,
    double rate,
    double lower,
    double upper,
    String model,
    OptionalDouble recentError) {

  /**
   * Checks that the numbers are finite, non-negative and ordered {@code lower <= rate <= upper}.
   */
  public Forecast {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(recentError, "recentError");
    if (!(Double.isFinite(lower) && Double.isFinite(upper) && 0 <= lower)
        || !(lower <= rate && rate <= upper)) {
      throw new IllegalArgumentException(
          "a forecast needs 0 <= lower <= rate <= upper, all finite; got lower "
              + lower
              + ", rate "
              + rate
              + ", upper "
              + upper);
    }
  }
}
