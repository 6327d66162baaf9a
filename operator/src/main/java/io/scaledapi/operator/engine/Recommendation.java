package io.scaledapi.operator.engine;

/**
 * The recommendation before stabilization and rate policies.
 *
 * @param recorded whether it goes into the stabilization history (not when every signal failed)
 */
record Recommendation(
    int replicas,
    Reason reason,
    String message,
    boolean recorded,
    boolean metricsAvailable,
    int consecutiveFailures) {}
