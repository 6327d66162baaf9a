package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.Signals;
import java.util.OptionalDouble;

/**
 * What one poll saw of the target and its signals.
 *
 * @param arrivalRate requests per second, when read; trains the forecaster
 * @param waiting requests waiting, when read; with the arrival rate, trains the capacity learner
 * @param failuresInStatus the consecutive metric failures the ScaledApi's status shows; seeds an
 *     autoscaler that is taking over
 */
public record Observation(
    int specReplicas,
    int readyReplicas,
    Signals signals,
    OptionalDouble arrivalRate,
    OptionalDouble waiting,
    int failuresInStatus) {}
