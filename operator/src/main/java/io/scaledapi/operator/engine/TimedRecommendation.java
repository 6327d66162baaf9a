package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;

/** A past recommendation, kept for the stabilization windows. */
public record TimedRecommendation(Instant at, int replicas) {

  /** Checks the timestamp and count. */
  public TimedRecommendation {
    Objects.requireNonNull(at, "at");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative: " + replicas);
    }
  }
}
