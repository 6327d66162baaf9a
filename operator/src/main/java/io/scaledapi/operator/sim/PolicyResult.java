package io.scaledapi.operator.sim;

import java.util.List;
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
 * @param outages the replicas around each of the cluster's metrics outages, in time order
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
    Optional<String> note,
    List<OutageReplicas> outages) {

  /**
   * The replicas (running or starting) one policy had around one metrics outage.
   *
   * @param atStart when Prometheus went down: before the decision at its first second
   * @param atEnd when it came back: after every decision it covered, before the one at its first
   *     second back (at the run's end if that is later)
   * @param lowest the fewest during it, its first and last counts included
   * @param highest the most during it, its first and last counts included
   */
  public record OutageReplicas(
      MetricsOutage outage, int atStart, int atEnd, int lowest, int highest) {}

  public PolicyResult {
    outages = List.copyOf(outages);
  }
}
