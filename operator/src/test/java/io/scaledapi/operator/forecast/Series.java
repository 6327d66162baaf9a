package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A synthetic arrival-rate series for tests: a noiseless truth (requests per second as a function
 * of seconds since {@link #T0}) observed with seeded multiplicative noise of log standard deviation
 * {@code noise}, at times chosen by a step rule.
 */
final class Series {

  /** Monday 3 March 2025, 00:00 UTC: seasons in the tests start here. */
  static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

  static final double DAY = 86_400;

  private final DoubleUnaryOperator truth;
  private final double noise;
  private final Random random;

  Series(DoubleUnaryOperator truth, double noise, long seed) {
    this.truth = truth;
    this.noise = noise;
    this.random = new Random(seed);
  }

  static Instant at(double seconds) {
    return T0.plusNanos(Math.round(seconds * 1e9));
  }

  static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  double truth(double seconds) {
    return truth.applyAsDouble(seconds);
  }

  /** A noisy observation of the truth at {@code seconds}. */
  double observed(double seconds) {
    return truth(seconds) * Math.exp(noise * random.nextGaussian());
  }

  /** Feeds observations every {@code step} seconds in {@code [from, to)}; returns {@code to}. */
  double feed(RateForecaster forecaster, double from, double to, double step) {
    for (double t = from; t < to; t += step) {
      forecaster.observe(at(t), observed(t));
    }
    return to;
  }
}
