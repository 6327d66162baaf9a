package io.scaledapi.operator.sim;

import java.time.Duration;

/**
 * Prometheus as a policy sees it: the scrapes of one run, kept for the last hour in a ring. Each
 * scrape holds the counter of arrived requests, the counter of served requests (the example API's
 * {@code api_request_duration_seconds_count}), the gauge of waiting requests and the gauge of
 * requests in service. {@link #arrivalRate} and {@link #servedRate} follow the simulator's {@link
 * Metrics} contract: the increase between the first and last scrape inside the window over the time
 * between them, without the extrapolation to the window's edges that Prometheus's {@code rate()}
 * adds.
 */
final class Scrapes implements Metrics {

  /** How far back a query may look. */
  static final Duration RETENTION = Duration.ofHours(1);

  private final long[] time;
  private final double[] arrived;
  private final double[] served;
  private final double[] waiting;
  private final double[] inFlight;
  private int first;
  private int size;
  private boolean evicted;

  Scrapes(Duration scrapeInterval) {
    int capacity = (int) (RETENTION.toSeconds() / Math.max(1, scrapeInterval.toSeconds())) + 2;
    time = new long[capacity];
    arrived = new double[capacity];
    served = new double[capacity];
    waiting = new double[capacity];
    inFlight = new double[capacity];
  }

  /**
   * Scrapes of the hour before second 0 (every {@code scrapeInterval} from {@code -RETENTION} to 0,
   * both included when whole multiples) of a workload that ran steadily at {@code rate} requests
   * per second on replicas that kept up: no request waiting, the requests of one second in service
   * (each is in service for the second it was taken, see {@link Replay}), both counters growing at
   * {@code rate}, the arrivals counter {@code rate} ahead of the served one.
   */
  static Scrapes steadyBefore(Duration scrapeInterval, double rate) {
    Scrapes s = new Scrapes(scrapeInterval);
    long every = scrapeInterval.toSeconds();
    long hour = RETENTION.toSeconds();
    for (long t = -(hour / every) * every; t <= 0; t += every) {
      double served = rate * (hour + t);
      s.add(t, served + rate, served, 0, rate);
    }
    return s;
  }

  /**
   * Records a scrape at second {@code t}, later than every earlier one: the two counters' totals
   * and the two gauges' values at that moment.
   */
  void add(long t, double arrivedTotal, double servedTotal, double waitingNow, double inFlightNow) {
    if (size > 0 && t <= time[slot(size - 1)]) {
      throw new IllegalArgumentException("scrapes must come in time order: " + t);
    }
    if (size == time.length) {
      first = (first + 1) % time.length;
      size--;
      evicted = true;
    }
    int i = slot(size++);
    time[i] = t;
    arrived[i] = arrivedTotal;
    served[i] = servedTotal;
    waiting[i] = waitingNow;
    inFlight[i] = inFlightNow;
  }

  @Override
  public double arrivalRate(long t, Duration window) {
    return rate(arrived, t, window);
  }

  @Override
  public double servedRate(long t, Duration window) {
    return rate(served, t, window);
  }

  /**
   * A counter's increase between the first and last scrape in {@code (t - window, t]}, per second.
   */
  private double rate(double[] counter, long t, Duration window) {
    double from = t - window.toMillis() / 1000.0;
    if (evicted && from < time[slot(0)]) {
      throw new IllegalArgumentException(
          "the simulated Prometheus keeps " + RETENTION + " of scrapes; asked from " + from);
    }
    int last = lastAtOrBefore(t);
    int firstInside = lastAtOrBefore(from) + 1;
    if (last < 0 || last <= firstInside) {
      return Double.NaN;
    }
    int a = slot(firstInside);
    int b = slot(last);
    return (counter[b] - counter[a]) / (time[b] - time[a]);
  }

  /** The arrivals counter as last scraped at or before {@code t}; NaN before the first scrape. */
  double arrivedTotal(long t) {
    int last = lastAtOrBefore(t);
    return last < 0 ? Double.NaN : arrived[slot(last)];
  }

  @Override
  public double queueDepth(long t) {
    int last = lastAtOrBefore(t);
    return last < 0 ? Double.NaN : waiting[slot(last)];
  }

  @Override
  public double inFlight(long t) {
    int last = lastAtOrBefore(t);
    return last < 0 ? Double.NaN : inFlight[slot(last)];
  }

  /** The position (0 = oldest kept) of the last scrape at or before {@code t}; -1 if none. */
  private int lastAtOrBefore(double t) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (time[slot(mid)] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private int slot(int position) {
    return (first + position) % time.length;
  }
}
