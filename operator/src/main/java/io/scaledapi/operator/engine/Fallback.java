package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What to do after {@code failureThreshold} consecutive decisions with a failed signal: scale to
 * {@code replicas} when set (never below the current count), otherwise keep holding.
 */
public record Fallback(int failureThreshold, OptionalInt replicas) {

  /** Checks the threshold and replica count. */
  public Fallback {
    Objects.requireNonNull(replicas, "replicas");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException(
          "failureThreshold must be at least 1: " + failureThreshold);
    }
    if (replicas.isPresent() && replicas.getAsInt() < 0) {
      throw new IllegalArgumentException("fallback replicas must not be negative: " + replicas);
    }
  }

  /** No fallback: threshold 3, no replica count. */
  public static Fallback none() {
    return new Fallback(3, OptionalInt.empty());
  }
}
