package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.engine.Signals;
import java.util.OptionalDouble;

/**
 * What one poll saw of the target and its signals.
 *
 * @param servedRate requests served per second, when a served-rate query is configured and read;
 *     trains the capacity learner
 * @param waiting requests waiting, when read; with the served or arrival rate, trains the capacity
 *     learner
 * @param failuresInStatus the consecutive metric failures the ScaledApi's status shows; seeds an
 *     autoscaler that is taking over
 */
public record Observation(
    int specReplicas,
    int readyReplicas,
    Signals signals,
    OptionalDouble servedRate,
    OptionalDouble waiting,
    int failuresInStatus) {

  /** The arrival rate read, when configured and read; trains the forecaster. */
  public OptionalDouble arrivalRate() {
    return signals
        .arrivalRate()
        .filter(SignalReading::available)
        .map(SignalReading::value)
        .orElse(OptionalDouble.empty());
  }
}
