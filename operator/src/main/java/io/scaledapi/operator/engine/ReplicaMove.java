package io.scaledapi.operator.engine;

import java.time.Instant;

/** One normalization step: at {@code now}, move from {@code current} towards {@code target}. */
record ReplicaMove(Instant now, int current, int target) {

  ReplicaMove withTarget(int newTarget) {
    return new ReplicaMove(now, current, newTarget);
  }
}
