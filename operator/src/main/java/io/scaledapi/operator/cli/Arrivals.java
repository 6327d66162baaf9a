package io.scaledapi.operator.cli;

import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.prometheus.HistoryLoader.HistoryPoint;
import io.scaledapi.operator.sim.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Turns what a user has, a request trace or a rate series, into per-second arrivals. */
final class Arrivals {

  /** The span whose mean rate a Poisson-scaled second draws from. */
  static final Duration POISSON_RATE_WINDOW = Duration.ofMinutes(1);

  /** The longest workload simulated in one run, so that a run fits in memory. */
  static final long MAX_SECONDS = Duration.ofDays(90).toSeconds();

  /** How a trace's rate is scaled by a factor other than 1: {@code --rate-scale-mode}. */
  enum ScaleMode {
    /**
     * Each second's arrivals drawn from a Poisson process at the factor times the trace's rate: the
     * scaled traffic keeps the relative randomness of traffic at that rate, where multiplying would
     * scale every chance burst of the recording with it.
     */
    POISSON("Poisson"),
    /** Each second's count multiplied by the factor. */
    MULTIPLY("multiplied");

    private final String label;

    ScaleMode(String label) {
      this.label = label;
    }

    /** How a workload's name says it: "Poisson", "multiplied". */
    String label() {
      return label;
    }

    /** The option's value, as written on the command line: "poisson", "multiply". */
    String option() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code value} on the command line.
     *
     * @throws IllegalArgumentException naming the option and the choices
     */
    static ScaleMode parse(String value) {
      for (ScaleMode mode : values()) {
        if (mode.option().equals(value)) {
          return mode;
        }
      }
      throw new IllegalArgumentException(
          "--rate-scale-mode must be poisson or multiply; got " + value);
    }
  }

  /** Below this mean a Poisson count is drawn by inversion, from it on by PTRS. */
  private static final double INVERSION_LIMIT = 10;

  private Arrivals() {}

  /**
   * The trace's requests per second, times {@code rateScale}, multiplied: {@link #fromTrace(String,
   * Trace, Instant, double, ScaleMode, long)} in {@link ScaleMode#MULTIPLY} mode.
   */
  static Workload fromTrace(String name, Trace trace, Instant zero, double rateScale) {
    return fromTrace(name, trace, zero, rateScale, ScaleMode.MULTIPLY, 0);
  }

  /**
   * The trace's requests per second, scaled by {@code rateScale}. Each bin's rate is its count over
   * its seconds; with {@code rateScale} 1 every second gets its bin's rate, the trace as recorded
   * (1-second bins keep their counts), whatever the mode. Otherwise in {@link ScaleMode#MULTIPLY}
   * every second gets {@code rateScale} times that rate, and in {@link ScaleMode#POISSON} a whole
   * number of requests drawn from a Poisson distribution of mean {@code rateScale} times the
   * trace's mean rate over the minute the second is in ({@link #POISSON_RATE_WINDOW}), every second
   * independently, from a generator seeded with {@code seed}: traffic K times larger is many more
   * clients whose bursts of a second average out, not the same clients with every burst K times
   * higher. Second 0 is the trace's first {@code t_seconds}, counted from {@code zero}, the instant
   * of {@code t_seconds} 0; {@link Instant#EPOCH} when it is not known, so that a trace that starts
   * at midnight starts at midnight.
   */
  static Workload fromTrace(
      String name, Trace trace, Instant zero, double rateScale, ScaleMode mode, long seed) {
    long bin = trace.binSeconds();
    long seconds = checkedLength(trace.bins() * bin, "the trace");
    double[] sums = trace.cumulative();
    double[] arrivals = new double[(int) seconds];
    boolean draw = mode == ScaleMode.POISSON && rateScale != 1;
    for (int i = 0; i < trace.bins(); i++) {
      double perSecond = (sums[i + 1] - sums[i]) / bin * (draw ? 1 : rateScale);
      for (int s = 0; s < bin; s++) {
        arrivals[(int) (i * bin + s)] = perSecond;
      }
    }
    if (draw) {
      drawPoisson(arrivals, rateScale, new SplittableRandom(seed));
    }
    return new Workload(name, zero.plusSeconds(trace.start()), arrivals);
  }

  /** Replaces each second's rate by a Poisson draw at {@code rateScale} times its minute's mean. */
  private static void drawPoisson(double[] rates, double rateScale, SplittableRandom random) {
    int window = (int) POISSON_RATE_WINDOW.toSeconds();
    for (int from = 0; from < rates.length; from += window) {
      int to = Math.min(rates.length, from + window);
      double sum = 0;
      for (int s = from; s < to; s++) {
        sum += rates[s];
      }
      double mean = sum / (to - from) * rateScale;
      for (int s = from; s < to; s++) {
        rates[s] = poisson(mean, random);
      }
    }
  }

  /**
   * A count drawn from the Poisson distribution of {@code mean}, exactly: by inversion (a
   * sequential search of the cumulative distribution) below a mean of 10, else by Hörmann's
   * transformed rejection with squeeze, PTRS (W. Hörmann, "The transformed rejection method for
   * generating Poisson random variables", Insurance: Mathematics and Economics 12 (1993) 39-45),
   * whose cost does not grow with the mean.
   */
  static long poisson(double mean, SplittableRandom random) {
    if (!(mean > 0)) {
      return 0;
    }
    return mean < INVERSION_LIMIT ? inversion(mean, random) : ptrs(mean, random);
  }

  private static long inversion(double mean, SplittableRandom random) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cumulative = p;
    long k = 0;
    while (u > cumulative && p > 0) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  private static long ptrs(double mean, SplittableRandom random) {
    double b = 0.931 + 2.53 * Math.sqrt(mean);
    double a = -0.059 + 0.02483 * b;
    double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    double logMean = Math.log(mean);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double accept = Math.log(v * inverseAlpha / (a / (us * us) + b));
      if (accept <= -mean + k * logMean - logFactorial(k)) {
        return (long) k;
      }
    }
  }

  /** {@code ln(k!)}: summed below 10, else Stirling's series for {@code ln Γ(k + 1)}. */
  static double logFactorial(double k) {
    if (k < 10) {
      double sum = 0;
      for (int i = 2; i <= k; i++) {
        sum += Math.log(i);
      }
      return sum;
    }
    double x = k + 1;
    double x2 = x * x;
    double series = (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) / x2) / x;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
  }

  /**
   * Arrivals from an arrival-rate series, such as a {@code rate()} query's range result, times
   * {@code rateScale}: each point's rate is held from its time until the next point, and the last
   * one for one {@code step}. Second 0 is the first point's time.
   *
   * @param points requests per second, in time order, at whole seconds
   * @throws IllegalArgumentException when there are no points or the step is not whole seconds
   */
  static Workload fromRates(
      String name, List<HistoryPoint> points, Duration step, double rateScale) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("no rate points to turn into arrivals");
    }
    if (step.toMillis() < 1000 || step.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("the step must be whole seconds, at least 1s: " + step);
    }
    Instant start = points.get(0).time();
    Instant end = points.get(points.size() - 1).time().plus(step);
    long seconds = checkedLength(Duration.between(start, end).toSeconds(), "the rate series");
    double[] arrivals = new double[(int) seconds];
    for (int i = 0; i < points.size(); i++) {
      int from = offset(start, points.get(i).time());
      int to = i + 1 < points.size() ? offset(start, points.get(i + 1).time()) : (int) seconds;
      double rate = Math.max(0, points.get(i).value()) * rateScale;
      for (int s = from; s < to; s++) {
        arrivals[s] = rate;
      }
    }
    return new Workload(name, start, arrivals);
  }

  /** Requests per second over the first minute of {@code workload}, or all of it if shorter. */
  static double firstMinuteRate(Workload workload) {
    int n = Math.min(60, workload.seconds());
    double sum = 0;
    for (int t = 0; t < n; t++) {
      sum += workload.at(t);
    }
    return sum / n;
  }

  /** The highest requests per second over any minute of {@code workload}. */
  static double busiestMinuteRate(Workload workload) {
    int n = workload.seconds();
    int window = Math.min(60, n);
    double sum = 0;
    for (int t = 0; t < window; t++) {
      sum += workload.at(t);
    }
    double busiest = sum;
    for (int t = window; t < n; t++) {
      sum += workload.at(t) - workload.at(t - window);
      busiest = Math.max(busiest, sum);
    }
    return busiest / window;
  }

  private static int offset(Instant start, Instant time) {
    return (int) Duration.between(start, time).toSeconds();
  }

  private static long checkedLength(long seconds, String what) {
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          what
              + " spans "
              + seconds / 86_400
              + " days; a run simulates at most "
              + MAX_SECONDS / 86_400
              + " days: cut it shorter");
    }
    return seconds;
  }
}
