package io.scaledapi.operator.engine;

/**
 * The demand rule, which decides once the capacity of a replica is known: provision for the arrival
 * rate plus the backlog drained over the drain budget, at the target utilization,
 *
 * <pre>replicas = ceil((rate + backlog / drainBudget) / (capacityPerReplica × targetUtilization))
 * </pre>
 *
 * <p>A backlog is a need for capacity until it is drained, not a need for one replica per {@code
 * queue.targetPerReplica} requests waiting: after a one-minute spike the queue rule asks for a
 * replica per few dozen requests, which arrive a start-up later, after the spike. Replicas already
 * starting are part of the current count the result is compared with, so a backlog they will drain
 * asks for no more. As the HPA's replica calculator, a usage ratio within the tolerance of 1 keeps
 * the current count.
 *
 * <p>A rate query averages the last minute; the queue, read as requests waiting or in service per
 * replica (the queue rule), counts the load of this instant. So when the queue rule asks for more,
 * its answer is taken, bounded by what the rate and the backlog need with the backlog drained by
 * the next poll: the queue rule's quick response to a rise is kept, its overshoot after a backlog
 * is not.
 */
final class DemandRule {

  private DemandRule() {}

  /** Requests per second to provision for: the rate plus the backlog spread over the budget. */
  static double demand(double rate, double backlog, Provisioning provisioning) {
    return Math.max(0.0, rate) + Math.max(0.0, backlog) / provisioning.drainSeconds();
  }

  /** The replicas that serve {@code demand} at the target utilization. */
  static int replicas(double demand, Provisioning provisioning, ScalingSpec spec) {
    return SignalRules.ceilReplicas(demand / provisioning.target(spec));
  }

  /**
   * The rule's proposal for the arrival rate and backlog read, at {@code current} replicas. The
   * rate is the larger of the rate read and the {@linkplain Provisioning#inflow inflow} seen
   * through the queue.
   */
  static Proposal proposal(
      double measured, double backlog, int current, ScalingSpec spec, Provisioning provisioning) {
    double rate = provisioning.rate(measured);
    double demand = demand(rate, backlog, provisioning);
    double perReplica = provisioning.target(spec);
    String needs =
        (rate > measured ? "inflow through the queue " : "arrivals ")
            + Format.rate(rate)
            + " req/s + backlog "
            + Format.backlog(backlog)
            + " over "
            + provisioning.drainBudget().toSeconds()
            + "s at "
            + Format.rate(perReplica)
            + " req/s per replica ("
            + Format.percent(spec.targetUtilization())
            + " of "
            + Format.rate(provisioning.capacityPerReplica())
            + ")";
    if (current > 0 && spec.tolerance().isWithin(demand / (perReplica * current))) {
      return new Proposal(current, Reason.WITHIN_TOLERANCE, needs + " within tolerance");
    }
    int replicas = replicas(demand, provisioning, spec);
    return new Proposal(replicas, Reason.DEMAND, needs + " -> " + Format.replicas(replicas));
  }

  /**
   * {@code demand}, or the queue rule's answer for {@code queue} when larger, bounded by the
   * replicas the rate and the backlog need with the backlog drained within one polling interval.
   */
  static Proposal withQueueRule(
      Proposal demand,
      double measured,
      double queue,
      int current,
      ScalingSpec spec,
      Provisioning provisioning) {
    Proposal byQueue = SignalRules.queue(queue, current, spec);
    if (byQueue.reason() == Reason.WITHIN_TOLERANCE || byQueue.replicas() <= demand.replicas()) {
      return demand;
    }
    double perPoll = provisioning.pollingInterval().toNanos() / 1e9;
    double needs = provisioning.rate(measured) + Math.max(0.0, queue) / perPoll;
    int bound = SignalRules.ceilReplicas(needs / provisioning.target(spec));
    if (bound <= demand.replicas()) {
      return demand;
    }
    if (bound >= byQueue.replicas()) {
      return byQueue;
    }
    return new Proposal(
        bound,
        Reason.QUEUE_DEPTH,
        byQueue.message()
            + ", bounded to "
            + Format.replicas(bound)
            + " by draining the backlog within "
            + provisioning.pollingInterval().toSeconds()
            + "s");
  }
}
