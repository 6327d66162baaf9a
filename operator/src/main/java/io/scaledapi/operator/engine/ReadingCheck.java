package io.scaledapi.operator.engine;

import java.util.Optional;

/**
 * Readings the signal rules cannot use, which count as failed readings: a negative queue depth,
 * latency or arrival rate (a broken query or exporter), and a reading whose replica count
 * overflows, beyond what an int holds or infinite (a counter queried as a gauge, a target of almost
 * zero). Read as a number, each would turn into zero replicas or an arbitrary one.
 */
final class ReadingCheck {
  private ReadingCheck() {}

  /** Why an arrival rate cannot be used, if it cannot. */
  static Optional<String> rate(double perSecond) {
    if (perSecond < 0) {
      return Optional.of(
          Format.number(perSecond)
              + " req/s is negative; requests never arrive at a negative rate");
    }
    return countable(perSecond)
        ? Optional.empty()
        : Optional.of(Format.number(perSecond) + " req/s is more than can be counted");
  }

  /** Why the queue depth cannot be used, if it cannot. */
  static Optional<String> queue(double depth, ScalingSpec spec) {
    if (depth < 0) {
      return Optional.of(
          "depth " + Format.number(depth) + " is negative; a queue is never shorter than empty");
    }
    double target = spec.queueTargetPerReplica();
    return countable(depth / target)
        ? Optional.empty()
        : Optional.of(
            "depth "
                + Format.number(depth)
                + " over target "
                + Format.number(target)
                + " per replica needs more replicas than can be counted");
  }

  /** Why the latency cannot be used with the spec's target, if it cannot. */
  static Optional<String> latency(double seconds, int current, ScalingSpec spec) {
    if (seconds < 0) {
      return Optional.of(Format.number(seconds) + "s is negative; a latency is never below 0");
    }
    if (spec.latencyTargetSeconds().isEmpty()) {
      return Optional.empty();
    }
    double target = spec.latencyTargetSeconds().getAsDouble();
    double ratio = seconds / target;
    return countable(ratio * Math.max(1, current))
        ? Optional.empty()
        : Optional.of(
            Format.number(seconds)
                + "s over target "
                + Format.number(target)
                + "s needs more replicas than can be counted");
  }

  /** True when {@code replicas}, before rounding up, fits an int. */
  private static boolean countable(double replicas) {
    return replicas < Integer.MAX_VALUE;
  }
}
