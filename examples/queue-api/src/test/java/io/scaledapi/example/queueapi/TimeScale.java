package io.scaledapi.example.queueapi;

import java.time.Duration;

/**
 * One compression factor applied to every duration of a run: pod start-up, scrape interval, rate
 * windows, sync and polling periods, stabilization windows and the scenario itself. At factor 1 a
 * run is in real time.
 */
record TimeScale(int factor) {
  TimeScale {
    if (factor < 1) {
      throw new IllegalArgumentException("the compression factor must be at least 1: " + factor);
    }
  }

  /** {@code real} compressed, in whole milliseconds. */
  Duration of(Duration real) {
    if (real.toNanos() % (factor * 1_000_000L) != 0) {
      throw new IllegalArgumentException(
          real + " divided by " + factor + " is not a whole number of milliseconds");
    }
    return real.dividedBy(factor);
  }

  /** {@code real} compressed, for fields that take whole seconds. */
  int seconds(Duration real) {
    Duration compressed = of(real);
    if (compressed.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          real
              + " divided by "
              + factor
              + " is not a whole number of seconds, which this field"
              + " needs; choose a factor that divides it");
    }
    return (int) compressed.toSeconds();
  }

  /** A duration as Prometheus and Go read it, such as {@code 20s} or {@code 2500ms}. */
  static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
