package io.scaledapi.operator.sim;

/**
 * Per-step series of one run for charts, downsampled to at most a few thousand points: each point
 * covers {@code stepSeconds} seconds (the mean for rates and replicas, the maximum for waits).
 *
 * @param replicas replicas running or starting
 * @param ready replicas serving
 * @param queueWait the longest queue wait of the requests served in the step, seconds
 */
public record Series(
    long stepSeconds,
    double[] arrivalRate,
    double[] replicas,
    double[] ready,
    double[] queueWait) {}
