package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * The signals read for one decision. {@code latency} is empty when no latency query is configured;
 * when present it is in seconds.
 */
public record Signals(SignalReading queueDepth, Optional<SignalReading> latency) {

  /** Checks that both components are non-null. */
  public Signals {
    Objects.requireNonNull(queueDepth, "queueDepth");
    Objects.requireNonNull(latency, "latency");
  }

  /** Signals with only a queue depth reading. */
  public static Signals queueOnly(SignalReading queueDepth) {
    return new Signals(queueDepth, Optional.empty());
  }
}
