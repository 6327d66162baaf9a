package io.scaledapi.operator.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * The signals read for one decision. {@code latency} (seconds) and {@code arrivalRate} (requests
 * per second) are empty when their query is not configured.
 */
public record Signals(
    SignalReading queueDepth,
    Optional<SignalReading> latency,
    Optional<SignalReading> arrivalRate) {

  /** Checks that every component is non-null. */
  public Signals {
    Objects.requireNonNull(queueDepth, "queueDepth");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(arrivalRate, "arrivalRate");
  }

  /** Signals with only a queue depth reading. */
  public static Signals queueOnly(SignalReading queueDepth) {
    return new Signals(queueDepth, Optional.empty(), Optional.empty());
  }

  /** Signals with a queue depth and an arrival rate reading. */
  public static Signals queueAndArrivals(SignalReading queueDepth, SignalReading arrivalRate) {
    return new Signals(queueDepth, Optional.empty(), Optional.of(arrivalRate));
  }
}
