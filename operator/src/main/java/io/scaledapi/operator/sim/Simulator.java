package io.scaledapi.operator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a workload through the modelled cluster under each policy, independently: every policy
 * gets a fresh {@link Policy} from its factory, its own replicas, queue and Prometheus, and the
 * same seed, so the start-up draws of its n-th new replica are those of every other policy's n-th.
 *
 * <p>The model, one second at a time (see {@link Replay} for the order within a second):
 *
 * <ul>
 *   <li>Replicas: a replica requested at second {@code t} serves from second {@code t + startup}
 *       (rounded up to a whole second; drawn uniformly from {@code startup ± startupJitter} when
 *       the jitter is not zero). Scaling down removes starting replicas first, then ready ones.
 *   <li>Queue: one FIFO in front of the ready replicas, a deterministic fluid ({@link FluidQueue}):
 *       the requests of a second arrive evenly through it, the ready replicas serve {@code ready ×
 *       capacityPerReplica} per second, and every request's wait is exact. A request that would
 *       wait longer than the request timeout is dropped. A request taken from the queue is in
 *       service for one second.
 *   <li>Prometheus ({@link Metrics}): scrapes at the seconds that are multiples of the scrape
 *       interval: a counter of arrived requests, a counter of served requests (a request taken from
 *       the queue counts as served from the end of the second it was taken, as in service until
 *       then), a gauge of waiting requests and a gauge of requests in service; a policy may look
 *       back one hour. During a {@linkplain ClusterSpec#metricsOutages() metrics outage} it neither
 *       scrapes nor answers: every query fails, and the outage's scrapes stay missing.
 *   <li>What else a policy sees ({@link View}): its target's spec and ready replicas, the mean
 *       requests in the system over the last second (waiting plus in service) and the requests that
 *       arrived in the last second.
 * </ul>
 *
 * <p>Every policy starts from the same steady state: as if the workload had run for the hour before
 * second 0 at its first minute's mean rate, on the initial replicas, and they had kept up (the
 * command line sizes the initial replicas to that rate). Prometheus holds that hour's scrapes, up
 * to and including second 0: both counters growing at the rate, no request waiting, one second's
 * requests in service; the first view's last second is that rate too. So every policy's first
 * decision, at second 0, reads scraped data, the same for all, and none decides on a queue it has
 * not scraped. The initial replicas are ready at second 0; the queue starts empty and the
 * pre-history's requests are not counted in the results.
 *
 * <p>Results: waits are queue waits in seconds; a request violates the SLO when it waited longer,
 * was dropped, or is still waiting at the end having already waited longer; replica-seconds count
 * starting replicas too, as they are paid for.
 *
 * <p>What it does not capture, found by running the real HPA, KEDA and operator side by side on the
 * same arrivals (docs/benchmarks.md): a policy's decisions fall on scrapes, so the HPA reads a rate
 * up to the second where the real controller reads a scrape up to one interval old (its rows are a
 * best case by about half a scrape interval); {@link OursPolicy} hands the capacity learner the
 * requests waiting and the queue rule those waiting and in service, which the operator, with one
 * queue query, cannot do; a pod is Ready exactly {@code startup} after it is asked for, where a
 * real one takes a second or so more.
 */
public final class Simulator {

  private Simulator() {}

  /** Runs every policy through the whole workload, in order; tells {@code progress} how far. */
  public static SimulationResult run(
      Workload workload, ClusterSpec cluster, List<PolicyFactory> policies, Progress progress) {
    return run(workload, cluster, policies, progress, null);
  }

  /**
   * As {@link #run(Workload, ClusterSpec, List, Progress)}, showing every second to {@code seen}.
   */
  static SimulationResult run(
      Workload workload,
      ClusterSpec cluster,
      List<PolicyFactory> policies,
      Progress progress,
      Replay.Observer seen) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(progress, "progress");
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a simulation needs at least one policy");
    }
    double timeout =
        cluster.requestTimeout().map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
    FluidQueue queue = new FluidQueue(workload, timeout);
    List<PolicyResult> results = new ArrayList<>();
    for (PolicyFactory factory : policies) {
      Policy policy = factory.create(workload, cluster);
      results.add(new Replay(workload, cluster, queue, policy).run(progress, seen));
    }
    return new SimulationResult(workload, cluster, List.copyOf(results));
  }
}
