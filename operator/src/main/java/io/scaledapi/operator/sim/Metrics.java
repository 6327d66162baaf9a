package io.scaledapi.operator.sim;

import java.time.Duration;

/**
 * The pods' metrics as Prometheus holds them: sampled every scrape interval, so a query at second
 * {@code t} sees the last scrape at or before {@code t}, never the live value.
 *
 * <p>While Prometheus is down ({@link MetricsOutage}) every query at such a second throws {@link
 * Unavailable}, which is not the same as an empty answer (NaN): a client sees a connection error,
 * not a result without series, and the systems modelled treat the two differently.
 */
public interface Metrics {

  /** A query that failed because Prometheus could not be reached at the second asked. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * {@code rate(requests_arrived_total[window])} at {@code t}: the counter's increase between the
   * first and last scrape inside {@code (t - window, t]}, divided by the time between them; NaN
   * when fewer than two scrapes fall inside.
   */
  double arrivalRate(long t, Duration window);

  /**
   * {@code rate(api_request_duration_seconds_count[window])} at {@code t}, the requests that
   * completed service per second, with the contract of {@link #arrivalRate}: the counter's increase
   * between the first and last scrape inside {@code (t - window, t]}, divided by the time between
   * them; NaN when fewer than two scrapes fall inside. A request counts as completed from the end
   * of the second it was taken from the queue.
   */
  double servedRate(long t, Duration window);

  /** The gauge of requests waiting in the queue, as last scraped at or before {@code t}. */
  double queueDepth(long t);

  /** The gauge of requests being served, as last scraped at or before {@code t}. */
  double inFlight(long t);
}
