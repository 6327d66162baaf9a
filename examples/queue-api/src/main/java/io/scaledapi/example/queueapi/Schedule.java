package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** When to send each request: a trace played faster by a compression factor, then cut off. */
final class Schedule {
  private Schedule() {}

  static List<Duration> sendTimes(LoadConfig config) {
    return sendTimes(config.trace(), config.compression(), config.maxRequests(), config.duration());
  }

  /**
   * Send times from the start of the run, in order, at most {@code maxRequests} of them and all
   * before {@code duration}.
   */
  static List<Duration> sendTimes(
      Trace trace, double compression, int maxRequests, Duration duration) {
    List<Duration> times = new ArrayList<>();
    long limitNanos = duration.toNanos();
    for (int i = 0; i < trace.rows().size(); i++) {
      Trace.Row row = trace.rows().get(i);
      double spacing = (trace.end(i) - row.tSeconds()) / Math.max(row.requests(), 1);
      for (int k = 0; k < row.requests(); k++) {
        long nanos = Math.round((row.tSeconds() + k * spacing) / compression * 1e9);
        if (times.size() >= maxRequests || nanos >= limitNanos) {
          return times;
        }
        times.add(Duration.ofNanos(nanos));
      }
    }
    return times;
  }
}
