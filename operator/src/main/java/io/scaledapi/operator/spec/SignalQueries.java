package io.scaledapi.operator.spec;

import java.util.Optional;

/** The PromQL to send for each signal, checked and, under namespace isolation, confined. */
public record SignalQueries(
    String queue,
    Optional<String> latency,
    Optional<String> arrivalRate,
    Optional<String> servedRate) {}
