package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every queue wait since the start, counted per whole millisecond, so that the share over any SLO
 * and any percentile can be read exactly afterwards; the Prometheus histogram's buckets are too
 * coarse for that. Waits of {@link #CEILING} or longer are counted at the ceiling.
 */
final class WaitCounts {
  static final Duration CEILING = Duration.ofMinutes(10);

  private final Map<Long, Long> countsByMillis = new TreeMap<>();

  synchronized void record(Duration wait) {
    long millis = Math.min(Math.max(wait.toMillis(), 0), CEILING.toMillis());
    countsByMillis.merge(millis, 1L, Long::sum);
  }

  /**
   * One line per millisecond that some wait took: {@code <milliseconds> <count>}, shortest first.
   */
  synchronized String text() {
    StringBuilder text = new StringBuilder();
    countsByMillis.forEach(
        (millis, count) -> text.append(millis).append(' ').append(count).append('\n'));
    return text.toString();
  }
}
