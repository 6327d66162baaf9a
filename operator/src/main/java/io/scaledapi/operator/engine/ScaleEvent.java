package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;

/** A past scale operation; {@code replicaChange} is the positive size of the change. */
public record ScaleEvent(Instant at, int replicaChange) {

  /** Checks the timestamp and change. */
  public ScaleEvent {
    Objects.requireNonNull(at, "at");
    if (replicaChange <= 0) {
      throw new IllegalArgumentException("replicaChange must be positive: " + replicaChange);
    }
  }
}
