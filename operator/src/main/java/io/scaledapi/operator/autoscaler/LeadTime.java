package io.scaledapi.operator.autoscaler;

import java.time.Duration;
import java.util.Optional;

/**
 * How far ahead to forecast, and how long a backlog may take to drain: the time new replicas take
 * to serve, and where that comes from.
 *
 * @param source Spec, Learned (observed scale-up time plus the polling interval) or Default (an
 *     assumed start-up of {@link #DEFAULT_STARTUP} plus the polling interval)
 */
public record LeadTime(Duration horizon, String source) {
  /** The start-up time assumed for lead time auto until a scale-up has been seen. */
  static final Duration DEFAULT_STARTUP = Duration.ofSeconds(60);

  static LeadTime of(
      Optional<Duration> declared, Optional<Duration> learned, Duration pollingInterval) {
    if (declared.isPresent()) {
      return new LeadTime(declared.get(), "Spec");
    }
    return learned
        .map(d -> new LeadTime(d.plus(pollingInterval), "Learned"))
        .orElseGet(() -> new LeadTime(DEFAULT_STARTUP.plus(pollingInterval), "Default"));
  }
}
