package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.time.Instant;

/** Time in seconds, and exponential smoothing by time rather than by sample. */
final class TimeConstants {

  private TimeConstants() {}

  /** An instant as seconds since the epoch. */
  static double seconds(Instant time) {
    return time.getEpochSecond() + time.getNano() * 1e-9;
  }

  /** A duration in seconds. */
  static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() * 1e-9;
  }

  /**
   * The share of an exponentially weighted average that an observation replaces when it comes
   * {@code elapsed} seconds after the previous one, for time constant {@code tau}: {@code 1 -
   * exp(-elapsed / tau)}. Many observations close together move the average as far as one that
   * stands for the same time.
   */
  static double gain(double elapsed, double tau) {
    return -Math.expm1(-elapsed / tau);
  }
}
