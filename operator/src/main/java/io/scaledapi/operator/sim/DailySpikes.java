package io.scaledapi.operator.sim;

import java.util.Random;

/**
 * Synthetic API traffic: a daily cycle from about 30 requests per second at night to about 300 in
 * the afternoon, climbing through the morning; each day a little busier or quieter than the last; a
 * slow wander of a few percent from minute to minute; two to four sudden spikes a day between 07:00
 * and 22:00, each 3 to 8 times the traffic of the moment for 2 to 15 minutes; Poisson arrivals each
 * second. Every draw comes from the seed, in a fixed order.
 */
final class DailySpikes {

  static final int DAY = 86_400;

  /** Requests per second at the start of each hour of the day. */
  private static final double[] HOURLY = {
    45, 36, 31, 30, 30, 34, 48, 100, 200, 270, 290, 295, 275, 285, 300, 292, 275, 245, 200, 160,
    125, 95, 72, 56
  };

  private static final int SPIKE_RISE = 30;
  private static final int SPIKE_FALL = 60;

  private DailySpikes() {}

  /** Arrivals for each second of {@code days} days, rates multiplied by {@code scale}. */
  static double[] arrivals(long seed, double scale, int days) {
    double[] rate = dailyCycle(seed, scale, days);
    spikes(rate, new Random(seed + 2), days);
    return poissonArrivals(rate, new Random(seed + 3));
  }

  /**
   * The rate each second without spikes: the daily cycle, each day's level and the wander, drawn
   * from {@code seed} and {@code seed + 1}. Other workloads add their own events to it.
   */
  static double[] dailyCycle(long seed, double scale, int days) {
    double[] rate = new double[days * DAY];
    Random levels = new Random(seed);
    for (int d = 0; d < days; d++) {
      double level = 0.92 + 0.16 * levels.nextDouble();
      for (int s = 0; s < DAY; s++) {
        rate[d * DAY + s] = level * profile(s) * scale;
      }
    }
    wander(rate, new Random(seed + 1));
    return rate;
  }

  /** Poisson arrivals each second at {@code rate}. */
  static double[] poissonArrivals(double[] rate, Random random) {
    double[] arrivals = new double[rate.length];
    for (int s = 0; s < rate.length; s++) {
      arrivals[s] = poisson(random, rate[s]);
    }
    return arrivals;
  }

  /** The daily cycle at second {@code s} of the day, smoothly between the hourly values. */
  static double profile(int s) {
    int hour = s / 3600;
    double x = (s % 3600) / 3600.0;
    double from = HOURLY[hour];
    double to = HOURLY[(hour + 1) % HOURLY.length];
    return from + (to - from) * (1 - Math.cos(Math.PI * x)) / 2;
  }

  /** A per-minute multiplicative random walk pulled back to 1 (about ±7%), interpolated. */
  private static void wander(double[] rate, Random random) {
    double previous = 0;
    double next = 0;
    for (int s = 0; s < rate.length; s++) {
      if (s % 60 == 0) {
        previous = next;
        next = 0.9 * next + 0.03 * random.nextGaussian();
      }
      double x = (s % 60) / 60.0;
      rate[s] *= Math.exp(previous + (next - previous) * x);
    }
  }

  private static void spikes(double[] rate, Random random, int days) {
    double[] factor = new double[rate.length];
    for (int d = 0; d < days; d++) {
      int count = 2 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        int start = d * DAY + 7 * 3600 + (int) (random.nextDouble() * 15 * 3600);
        double height = 3 + 5 * random.nextDouble();
        int length = 120 + (int) (random.nextDouble() * 780);
        for (int s = 0; s < length && start + s < rate.length; s++) {
          double shape = Math.min(1, Math.min((s + 1.0) / SPIKE_RISE, (length - s) / SPIKE_FALL));
          factor[start + s] = Math.max(factor[start + s], (height - 1) * shape);
        }
      }
    }
    for (int s = 0; s < rate.length; s++) {
      rate[s] *= 1 + factor[s];
    }
  }

  /** A Poisson draw: exact below a mean of 50, the normal approximation above. */
  static double poisson(Random random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean >= 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
