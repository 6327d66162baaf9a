package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.List;

/** The queue waits an API served, read from its {@code GET /admin/waits}. */
record WaitDistribution(List<Count> counts) {
  /** {@code requests} waited {@code millis} milliseconds (rounded down). */
  record Count(long millis, long requests) {}

  static WaitDistribution parse(String text) {
    return new WaitDistribution(
        text.lines()
            .filter(l -> !l.isBlank())
            .map(l -> l.strip().split(" "))
            .map(p -> new Count(Long.parseLong(p[0]), Long.parseLong(p[1])))
            .toList());
  }

  /** The waits counted here and not in {@code earlier}, a reading of the same API before. */
  WaitDistribution since(WaitDistribution earlier) {
    java.util.Map<Long, Long> before = new java.util.HashMap<>();
    earlier.counts().forEach(c -> before.put(c.millis(), c.requests()));
    return new WaitDistribution(
        counts.stream()
            .map(c -> new Count(c.millis(), c.requests() - before.getOrDefault(c.millis(), 0L)))
            .filter(c -> c.requests() > 0)
            .toList());
  }

  long served() {
    return counts.stream().mapToLong(Count::requests).sum();
  }

  /** The share of served requests that waited longer than {@code slo}. */
  double shareOver(Duration slo) {
    long served = served();
    long over =
        counts.stream().filter(c -> c.millis() >= slo.toMillis()).mapToLong(Count::requests).sum();
    return served == 0 ? 0 : over / (double) served;
  }

  /**
   * The wait at quantile {@code q}: the shortest that at least {@code q} of requests did not
   * exceed.
   */
  Duration quantile(double q) {
    long served = served();
    long rank = (long) Math.ceil(q * served);
    long seen = 0;
    for (Count c : counts) {
      seen += c.requests();
      if (seen >= rank) {
        return Duration.ofMillis(c.millis());
      }
    }
    return Duration.ZERO;
  }
}
