package io.scaledapi.operator.spec;

import io.scaledapi.operator.engine.ScalingSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a valid spec says, typed: what the engine decides with, how often to poll, the queries
 * to send (already confined when namespace isolation is on) and prediction when it is enabled.
 */
public record ScaledApiSettings(
    ScalingSpec scaling,
    Duration pollingInterval,
    SignalQueries queries,
    Optional<PredictionSettings> prediction) {}
