package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Forecasts an arrival rate (requests per second) from observations taken at irregular times.
 *
 * <p>Implementations are not thread-safe; the caller owns the time, which is always passed in.
 */
public interface RateForecaster {

  /**
   * Adds an observation. Times must not go backwards: an observation at an equal or older time than
   * the last one is ignored, and so are NaN, negative and infinite rates.
   */
  void observe(Instant time, double rate);

  /**
   * The forecast of the rate at {@code now + horizon}, with a band for {@code confidence}: for 0.9
   * the upper bound is the 90th percentile of the expected rate and the lower bound the 10th, so
   * that the band holds about 80% of outcomes. Empty while there is not enough data, for the reason
   * that {@link #notReadyReason} gives.
   *
   * @throws IllegalArgumentException when the horizon is negative or the confidence not in (0.5, 1)
   */
  Optional<Forecast> forecast(Instant now, Duration horizon, double confidence);

  /**
   * Why {@link #forecast} would be empty at {@code now}, as a sentence naming what is missing, such
   * as "12 of 30 minutes of arrival-rate history"; empty when the forecaster is ready.
   */
  Optional<String> notReadyReason(Instant now);
}
