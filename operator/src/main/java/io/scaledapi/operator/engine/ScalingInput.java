package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one decision needs; {@code now} is the decision time, {@code provisioning} what the
 * demand rule needs once the capacity of a replica is known, {@code forecastDemand} what the
 * forecast asks for when prediction is on.
 */
public record ScalingInput(
    Instant now,
    int currentReplicas,
    ScalingSpec spec,
    Signals signals,
    ScalingHistory history,
    Optional<Provisioning> provisioning,
    Optional<ForecastDemand> forecastDemand) {

  /** An input without a known capacity and without prediction: the queue rule decides. */
  public ScalingInput(
      Instant now, int currentReplicas, ScalingSpec spec, Signals signals, ScalingHistory history) {
    this(now, currentReplicas, spec, signals, history, Optional.empty(), Optional.empty());
  }

  /** Checks for nulls and a non-negative replica count. */
  public ScalingInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(provisioning, "provisioning");
    Objects.requireNonNull(forecastDemand, "forecastDemand");
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "currentReplicas must not be negative: " + currentReplicas);
    }
  }
}
