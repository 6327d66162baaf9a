package io.scaledapi.operator.cli;

import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.prometheus.HistoryLoader.HistoryPoint;
import io.scaledapi.operator.sim.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns what a user has, a request trace or a rate series, into per-second arrivals. */
final class Arrivals {

  /** The longest workload simulated in one run, so that a run fits in memory. */
  static final long MAX_SECONDS = Duration.ofDays(90).toSeconds();

  private Arrivals() {}

  /**
   * The trace's requests per second, times {@code rateScale}: each bin's count spread evenly over
   * its seconds. Second 0 is the trace's first {@code t_seconds}, counted from {@code zero}, the
   * instant of {@code t_seconds} 0; {@link Instant#EPOCH} when it is not known, so that a trace
   * that starts at midnight starts at midnight.
   */
  static Workload fromTrace(String name, Trace trace, Instant zero, double rateScale) {
    long bin = trace.binSeconds();
    long seconds = checkedLength(trace.bins() * bin, "the trace");
    double[] sums = trace.cumulative();
    double[] arrivals = new double[(int) seconds];
    for (int i = 0; i < trace.bins(); i++) {
      double perSecond = (sums[i + 1] - sums[i]) / bin * rateScale;
      for (int s = 0; s < bin; s++) {
        arrivals[(int) (i * bin + s)] = perSecond;
      }
    }
    return new Workload(name, zero.plusSeconds(trace.start()), arrivals);
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
