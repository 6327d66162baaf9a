package io.scaledapi.operator.sim;

import java.util.Random;

/**
 * Synthetic API traffic with an event at the same time every day, as when a broadcast or a sale
 * starts: the daily cycle of {@link DailySpikes} (its levels, wander and Poisson arrivals, without
 * its random spikes), and every day at 19:00 the traffic climbs to 4.5 to 5.5 times within 2 to 3
 * minutes, stays there for 20 to 40 minutes and falls back within 5. Every draw comes from the
 * seed, in a fixed order.
 */
final class ScheduledRamp {

  /** When the event starts, in seconds of the day. */
  static final int START = 19 * 3600;

  private static final int FALL = 300;

  private ScheduledRamp() {}

  /** Arrivals for each second of {@code days} days, rates multiplied by {@code scale}. */
  static double[] arrivals(long seed, double scale, int days) {
    double[] rate = DailySpikes.dailyCycle(seed, scale, days);
    Random random = new Random(seed + 2);
    for (int d = 0; d < days; d++) {
      double height = 4.5 + random.nextDouble();
      int climb = 120 + random.nextInt(61);
      int stay = 1200 + random.nextInt(1201);
      int start = d * DailySpikes.DAY + START;
      int length = climb + stay + FALL;
      for (int s = 0; s < length && start + s < rate.length; s++) {
        double shape = Math.min(1, Math.min((s + 1.0) / climb, (length - s) / (double) FALL));
        rate[start + s] *= 1 + (height - 1) * shape;
      }
    }
    return DailySpikes.poissonArrivals(rate, new Random(seed + 3));
  }
}
