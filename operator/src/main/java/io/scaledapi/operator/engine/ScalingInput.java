package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one decision needs; {@code now} is the decision time, {@code forecastDemand} what the
 * forecast asks for when prediction is on.
 */
public record ScalingInput(
    Instant now,
    int currentReplicas,
    ScalingSpec spec,
    Signals signals,
    ScalingHistory history,
    Optional<ForecastDemand> forecastDemand) {

  /** An input without prediction. */
  public ScalingInput(
      Instant now, int currentReplicas, ScalingSpec spec, Signals signals, ScalingHistory history) {
    this(now, currentReplicas, spec, signals, history, Optional.empty());
  }

  /** Checks for nulls and a non-negative replica count. */
  public ScalingInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(forecastDemand, "forecastDemand");
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "currentReplicas must not be negative: " + currentReplicas);
    }
  }
}
