package io.scaledapi.operator.sim;

import java.util.Optional;

/**
 * How one policy did over a run.
 *
 * @param arrived requests that arrived
 * @param served requests served
 * @param dropped requests dropped after waiting longer than the request timeout
 * @param queuedAtEnd requests still waiting or in service when the run ended
 * @param violatingShare share of arrived requests that waited longer than the SLO (dropped ones
 *     count as violating)
 * @param waitP50 median queue wait of served requests, seconds
 * @param waitP99 99th percentile queue wait of served requests, seconds
 * @param waitMax longest queue wait of a served request, seconds
 * @param replicaSeconds the sum over seconds of replicas running or starting
 * @param scaleActions how many times the desired replicas changed
 * @param series per-second series for charts
 * @param note what the policy learned over the run, when it says (ours: the capacity per replica)
 */
public record PolicyResult(
    String policy,
    double arrived,
    double served,
    double dropped,
    double queuedAtEnd,
    double violatingShare,
    double waitP50,
    double waitP99,
    double waitMax,
    double replicaSeconds,
    int scaleActions,
    Series series,
    Optional<String> note) {}
