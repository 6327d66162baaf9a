package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What to do after {@code failureThreshold} consecutive decisions with a failed signal, with KEDA's
 * fallback behaviours. {@link FallbackBehavior#CURRENT_REPLICAS} needs no replica count; the others
 * do.
 */
public record Fallback(int failureThreshold, FallbackBehavior behavior, OptionalInt replicas) {

  /** Checks the threshold, the behaviour and the replica count. */
  public Fallback {
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(replicas, "replicas");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException(
          "failureThreshold must be at least 1: " + failureThreshold);
    }
    if (replicas.isPresent() && replicas.getAsInt() < 0) {
      throw new IllegalArgumentException("fallback replicas must not be negative: " + replicas);
    }
    if (replicas.isEmpty() && behavior != FallbackBehavior.CURRENT_REPLICAS) {
      throw new IllegalArgumentException(behavior.specName() + " needs fallback replicas");
    }
  }

  /** A fallback to {@code replicas} that never lowers: KEDA's currentReplicasIfHigher. */
  public static Fallback ifHigher(int failureThreshold, int replicas) {
    return new Fallback(
        failureThreshold, FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER, OptionalInt.of(replicas));
  }

  /** The count this fallback sets at {@code current} replicas. */
  int replicasAt(int current) {
    return switch (behavior) {
      case STATIC -> replicas.getAsInt();
      case CURRENT_REPLICAS -> current;
      case CURRENT_REPLICAS_IF_HIGHER -> Math.max(current, replicas.getAsInt());
      case CURRENT_REPLICAS_IF_LOWER -> Math.min(current, replicas.getAsInt());
    };
  }
}
