package io.scaledapi.operator.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The times of a series' samples: {@code from}, {@code from + step}, ... up to {@code to}. */
public record SampleTimes(Instant from, Instant to, Duration step) {

  /** Requires {@code from <= to} and a positive step. */
  public SampleTimes {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(step, "step");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
  }

  /** How many samples there are. */
  public long count() {
    return Duration.between(from, to).dividedBy(step) + 1;
  }

  /** The time of sample {@code index}, counted from 0. */
  public Instant at(long index) {
    return from.plus(step.multipliedBy(index));
  }
}
