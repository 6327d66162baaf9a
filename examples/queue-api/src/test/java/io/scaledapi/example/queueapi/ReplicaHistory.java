package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A Deployment's replicas over time, one sample per change: the replicas asked for ({@code
 * spec.replicas}), the pods that exist ({@code status.replicas}: starting, ready or terminating)
 * and the ready ones.
 */
final class ReplicaHistory {
  record Sample(Instant at, int desired, int existing, int ready) {}

  private final List<Sample> samples = new CopyOnWriteArrayList<>();

  /** Adds {@code sample} unless it repeats the last one's counts. */
  void add(Sample sample) {
    Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
    if (last == null
        || last.desired() != sample.desired()
        || last.existing() != sample.existing()
        || last.ready() != sample.ready()) {
      samples.add(sample);
    }
  }

  /** The sample in force at {@code at}: the last one before it; all zero before the first. */
  Sample at(Instant at) {
    if (samples.isEmpty()) {
      return new Sample(at, 0, 0, 0);
    }
    Sample found = samples.get(0);
    for (Sample s : samples) {
      if (s.at().isAfter(at)) {
        break;
      }
      found = s;
    }
    return found;
  }

  /** The integral of {@code count} over {@code [from, to)}, in replica-seconds. */
  double replicaSeconds(Instant from, Instant to, ToIntFunction<Sample> count) {
    double total = 0;
    Instant t = from;
    for (Sample s : samples) {
      if (!s.at().isAfter(t)) {
        continue;
      }
      Instant end = s.at().isBefore(to) ? s.at() : to;
      total += count.applyAsInt(at(t)) * seconds(Duration.between(t, end));
      t = end;
      if (!t.isBefore(to)) {
        return total;
      }
    }
    return total + count.applyAsInt(at(t)) * seconds(Duration.between(t, to));
  }

  /** How many times the replicas asked for changed within {@code [from, to)}. */
  int scaleActions(Instant from, Instant to) {
    int actions = 0;
    int desired = at(from).desired();
    for (Sample s : samples) {
      if (s.at().isAfter(from) && s.at().isBefore(to) && s.desired() != desired) {
        actions++;
        desired = s.desired();
      }
    }
    return actions;
  }

  /** The most replicas asked for within {@code [from, to)}. */
  int peakDesired(Instant from, Instant to) {
    int peak = at(from).desired();
    for (Sample s : samples) {
      if (s.at().isAfter(from) && s.at().isBefore(to)) {
        peak = Math.max(peak, s.desired());
      }
    }
    return peak;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
