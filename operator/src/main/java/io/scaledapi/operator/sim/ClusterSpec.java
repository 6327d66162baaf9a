package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The modelled cluster and how it is observed.
 *
 * @param startup time from a replica being requested to it serving (fixed)
 * @param startupJitter each replica's start-up is drawn uniformly from {@code startup ±
 *     startupJitter} with the run's seed; zero for a fixed start-up
 * @param capacityPerReplica requests per second one ready replica serves
 * @param initialReplicas replicas ready at second 0
 * @param maxReplicas the most replicas any policy may run
 * @param requestTimeout a request still waiting after this long is dropped; empty: never
 * @param slo the queue wait a request may have; longer counts as violating
 * @param scrapeInterval how often Prometheus scrapes the pods' metrics
 * @param seed for every random draw of the run
 * @param metricsOutages when Prometheus is down, in time order, none overlapping; empty: never
 */
public record ClusterSpec(
    Duration startup,
    Duration startupJitter,
    double capacityPerReplica,
    int initialReplicas,
    int maxReplicas,
    Optional<Duration> requestTimeout,
    Duration slo,
    Duration scrapeInterval,
    long seed,
    List<MetricsOutage> metricsOutages) {

  /** A cluster whose Prometheus never fails. */
  public ClusterSpec(
      Duration startup,
      Duration startupJitter,
      double capacityPerReplica,
      int initialReplicas,
      int maxReplicas,
      Optional<Duration> requestTimeout,
      Duration slo,
      Duration scrapeInterval,
      long seed) {
    this(
        startup,
        startupJitter,
        capacityPerReplica,
        initialReplicas,
        maxReplicas,
        requestTimeout,
        slo,
        scrapeInterval,
        seed,
        List.of());
  }

  public ClusterSpec {
    Objects.requireNonNull(startup, "startup");
    Objects.requireNonNull(startupJitter, "startupJitter");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(scrapeInterval, "scrapeInterval");
    if (startup.isNegative()
        || startupJitter.isNegative()
        || startupJitter.compareTo(startup) > 0) {
      throw new IllegalArgumentException(
          "startup must be >= 0 and startupJitter between 0 and startup: "
              + startup
              + " ± "
              + startupJitter);
    }
    if (!(capacityPerReplica > 0) || Double.isInfinite(capacityPerReplica)) {
      throw new IllegalArgumentException(
          "capacityPerReplica must be a positive number: " + capacityPerReplica);
    }
    if (initialReplicas < 1 || maxReplicas < initialReplicas) {
      throw new IllegalArgumentException(
          "need 1 <= initialReplicas <= maxReplicas: " + initialReplicas + ", " + maxReplicas);
    }
    if (scrapeInterval.toSeconds() < 1) {
      throw new IllegalArgumentException("scrapeInterval must be at least 1s: " + scrapeInterval);
    }
    metricsOutages =
        MetricsOutage.ordered(Objects.requireNonNull(metricsOutages, "metricsOutages"));
  }
}
