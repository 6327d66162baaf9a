package io.scaledapi.operator.sim;

/**
 * The distribution of queue waits of a run, fine enough for percentiles at millisecond resolution:
 * waits of exactly zero are counted apart, waits below one second fall in buckets of a quarter of a
 * millisecond, longer waits in log-spaced buckets 0.025% wide (a quarter of a millisecond at one
 * second, 25 ms at 100 s), up to about 115 days. Masses may be fractional: the fluid queue serves
 * parts of requests, and each part comes with its waits spread evenly between two bounds, which the
 * histogram spreads over the buckets they cover.
 */
final class WaitHistogram {

  private static final double LINEAR_WIDTH = 0.00025;
  private static final int LINEAR_BUCKETS = 4000;
  private static final double LOG_STEP = Math.log1p(LINEAR_WIDTH);
  private static final double LONGEST = 1e7;
  private static final int BUCKETS =
      LINEAR_BUCKETS + (int) Math.ceil(Math.log(LONGEST) / LOG_STEP) + 1;
  private static final double[] LOWER = lowerBounds();

  private final double[] mass = new double[BUCKETS];
  private double zero;
  private double total;

  /** Adds {@code m} requests with waits spread evenly over {@code [from, to]} seconds. */
  void add(double m, double from, double to) {
    if (!(m > 0)) {
      return;
    }
    total += m;
    double lo = Math.min(from, to);
    double hi = Math.max(from, to);
    if (hi <= 0) {
      zero += m;
      return;
    }
    lo = Math.max(lo, 0);
    hi = Math.min(hi, LONGEST);
    lo = Math.min(lo, hi);
    int first = bucket(lo);
    int last = bucket(hi);
    if (first == last || hi - lo < 1e-12) {
      mass[last] += m;
      return;
    }
    double density = m / (hi - lo);
    for (int i = first; i <= last; i++) {
      double overlap = Math.min(hi, upper(i)) - Math.max(lo, LOWER[i]);
      if (overlap > 0) {
        mass[i] += density * overlap;
      }
    }
  }

  double total() {
    return total;
  }

  /**
   * The wait below which a share {@code q} of the requests fall, interpolated inside a bucket; 0
   * for an empty histogram.
   */
  double quantile(double q) {
    double target = q * total;
    if (total <= 0 || target <= zero) {
      return 0;
    }
    double seen = zero;
    for (int i = 0; i < BUCKETS; i++) {
      if (mass[i] > 0 && seen + mass[i] >= target) {
        double share = (target - seen) / mass[i];
        return LOWER[i] + share * (upper(i) - LOWER[i]);
      }
      seen += mass[i];
    }
    return LONGEST;
  }

  private static int bucket(double wait) {
    if (wait < 1) {
      return Math.min((int) (wait / LINEAR_WIDTH), LINEAR_BUCKETS - 1);
    }
    int i = LINEAR_BUCKETS + (int) (Math.log(wait) / LOG_STEP);
    if (i >= BUCKETS) {
      return BUCKETS - 1;
    }
    // rounding in the logarithm may put a wait one bucket off its bounds
    if (wait < LOWER[i]) {
      return i - 1;
    }
    return i + 1 < BUCKETS && wait >= LOWER[i + 1] ? i + 1 : i;
  }

  private static double upper(int i) {
    return i + 1 < BUCKETS ? LOWER[i + 1] : LOWER[i] * (1 + LINEAR_WIDTH);
  }

  private static double[] lowerBounds() {
    double[] lower = new double[BUCKETS];
    for (int i = 0; i < LINEAR_BUCKETS; i++) {
      lower[i] = i * LINEAR_WIDTH;
    }
    for (int i = LINEAR_BUCKETS; i < BUCKETS; i++) {
      lower[i] = Math.exp((i - LINEAR_BUCKETS) * LOG_STEP);
    }
    return lower;
  }
}
