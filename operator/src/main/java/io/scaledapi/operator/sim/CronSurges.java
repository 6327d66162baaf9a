package io.scaledapi.operator.sim;

import java.util.Random;

/**
 * Synthetic API traffic with surges from clients on a schedule: the daily cycle of {@link
 * DailySpikes} (its levels, wander and Poisson arrivals, without its random spikes), and at the top
 * of every hour a surge of 2 to 4 times the traffic for 3 to 5 minutes, at every half hour a
 * smaller one of 1.3 to 1.8 times. A surge starts up to 15 seconds after the hour or half hour,
 * reaches its height within 15 seconds and falls back within 30. Every draw comes from the seed, in
 * a fixed order.
 */
final class CronSurges {

  private static final int HOUR = 3600;
  private static final int RISE = 15;
  private static final int FALL = 30;

  private CronSurges() {}

  /** Arrivals for each second of {@code days} days, rates multiplied by {@code scale}. */
  static double[] arrivals(long seed, double scale, int days) {
    double[] rate = DailySpikes.dailyCycle(seed, scale, days);
    Random random = new Random(seed + 2);
    for (int start = 0; start < rate.length; start += HOUR / 2) {
      boolean topOfTheHour = start % HOUR == 0;
      double height = topOfTheHour ? 2 + 2 * random.nextDouble() : 1.3 + 0.5 * random.nextDouble();
      int length = 180 + random.nextInt(121);
      int delay = random.nextInt(16);
      surge(rate, start + delay, length, height);
    }
    return DailySpikes.poissonArrivals(rate, new Random(seed + 3));
  }

  /** Multiplies {@code length} seconds from {@code start} by up to {@code height}. */
  static void surge(double[] rate, int start, int length, double height) {
    for (int s = 0; s < length && start + s < rate.length; s++) {
      double shape = Math.min(1, Math.min((s + 1.0) / RISE, (length - s) / (double) FALL));
      rate[start + s] *= 1 + (height - 1) * shape;
    }
  }
}
