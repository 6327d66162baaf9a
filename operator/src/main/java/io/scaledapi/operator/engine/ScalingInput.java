package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;

/** Everything one decision needs; {@code now} is the decision time. */
public record ScalingInput(
    Instant now, int currentReplicas, ScalingSpec spec, Signals signals, ScalingHistory history) {

  /** Checks for nulls and a non-negative replica count. */
  public ScalingInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(history, "history");
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "currentReplicas must not be negative: " + currentReplicas);
    }
  }
}
