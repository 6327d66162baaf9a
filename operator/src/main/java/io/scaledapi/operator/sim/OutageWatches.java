package io.scaledapi.operator.sim;

import java.util.List;

/**
 * The replicas one policy had around each metrics outage of a run, noted as the run goes: when it
 * started (before that second's decision), the fewest and most during it, and when it ended (before
 * the decision at its first second back, or at the run's end).
 */
final class OutageWatches {
  private final List<Watch> watches;

  /** Watches for the outages that start within a run of {@code seconds}. */
  OutageWatches(List<MetricsOutage> outages, long seconds) {
    this.watches = outages.stream().filter(o -> o.startSecond() < seconds).map(Watch::new).toList();
  }

  /** Before the decision at second {@code t}, with {@code replicas} running or starting. */
  void before(long t, int replicas) {
    for (Watch watch : watches) {
      if (t == watch.outage.startSecond()) {
        watch.atStart = replicas;
        watch.seen(replicas);
      } else if (t == watch.outage.endSecond()) {
        watch.end(replicas);
      }
    }
  }

  /** After the decision at second {@code t}. */
  void after(long t, int replicas) {
    for (Watch watch : watches) {
      if (watch.outage.covers(t)) {
        watch.seen(replicas);
      }
    }
  }

  /** At the run's end: an outage still going ends here. */
  void finish(int replicas) {
    for (Watch watch : watches) {
      if (watch.atEnd < 0) {
        watch.end(replicas);
      }
    }
  }

  List<PolicyResult.OutageReplicas> results() {
    return watches.stream()
        .map(
            w -> new PolicyResult.OutageReplicas(w.outage, w.atStart, w.atEnd, w.lowest, w.highest))
        .toList();
  }

  private static final class Watch {
    final MetricsOutage outage;
    int atStart = -1;
    int atEnd = -1;
    int lowest = Integer.MAX_VALUE;
    int highest = Integer.MIN_VALUE;

    Watch(MetricsOutage outage) {
      this.outage = outage;
    }

    void seen(int replicas) {
      lowest = Math.min(lowest, replicas);
      highest = Math.max(highest, replicas);
    }

    void end(int replicas) {
      atEnd = replicas;
      seen(replicas);
    }
  }
}
