package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus with its outages: each query at a second an outage covers fails with {@link
 * Metrics.Unavailable}, as the connection to a Prometheus that is down is refused; the others are
 * answered from the scrapes.
 */
final class OutageMetrics implements Metrics {

  private final Metrics scraped;
  private final List<MetricsOutage> outages;

  private OutageMetrics(Metrics scraped, List<MetricsOutage> outages) {
    this.scraped = scraped;
    this.outages = outages;
  }

  /** {@code scraped} itself when there are no outages. */
  static Metrics of(Metrics scraped, List<MetricsOutage> outages) {
    return outages.isEmpty() ? scraped : new OutageMetrics(scraped, List.copyOf(outages));
  }

  @Override
  public double arrivalRate(long t, Duration window) {
    reachable(t);
    return scraped.arrivalRate(t, window);
  }

  @Override
  public double servedRate(long t, Duration window) {
    reachable(t);
    return scraped.servedRate(t, window);
  }

  @Override
  public double queueDepth(long t) {
    reachable(t);
    return scraped.queueDepth(t);
  }

  @Override
  public double inFlight(long t) {
    reachable(t);
    return scraped.inFlight(t);
  }

  private void reachable(long t) {
    Optional<MetricsOutage> down = MetricsOutage.at(outages, t);
    if (down.isPresent()) {
      throw new Unavailable(
          "cannot connect to Prometheus: connection refused (simulated outage "
              + down.get().label()
              + ")");
    }
  }
}
