package io.scaledapi.operator.engine;

import java.time.Instant;

/** One normalization step: at {@code now}, move from {@code current} towards {@code target}. */
record Step(Instant now, int current, int target) {

  Step withTarget(int newTarget) {
    return new Step(now, current, newTarget);
  }
}
