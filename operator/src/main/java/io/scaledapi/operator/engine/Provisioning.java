package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the demand rule needs once the capacity of a replica is known.
 *
 * @param capacityPerReplica requests per second one ready replica serves (declared or learned)
 * @param source where the capacity comes from: Spec or Learned
 * @param drainBudget how long a backlog may take to drain: one lead time, the time new replicas
 *     take to serve
 * @param pollingInterval how soon the next decision comes: the queue rule's answer is bounded by
 *     what draining the backlog by then needs
 * @param inflow the arrival rate seen through the queue, when requests waited at the last two
 *     polls: what the busy replicas serve ({@code ready × capacityPerReplica}) plus the growth of
 *     the queue per second between the polls. It sees a rise within one poll, where a rate query
 *     averages it over its window
 */
public record Provisioning(
    double capacityPerReplica,
    String source,
    Duration drainBudget,
    Duration pollingInterval,
    OptionalDouble inflow) {

  /** Checks for a positive capacity and a positive budget. */
  public Provisioning {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(drainBudget, "drainBudget");
    Objects.requireNonNull(pollingInterval, "pollingInterval");
    Objects.requireNonNull(inflow, "inflow");
    if (!Double.isFinite(capacityPerReplica) || capacityPerReplica <= 0) {
      throw new IllegalArgumentException(
          "capacityPerReplica must be a positive number: " + capacityPerReplica);
    }
    if (drainBudget.isNegative() || drainBudget.isZero()) {
      throw new IllegalArgumentException("drainBudget must be positive: " + drainBudget);
    }
    if (pollingInterval.isNegative() || pollingInterval.isZero()) {
      throw new IllegalArgumentException("pollingInterval must be positive: " + pollingInterval);
    }
  }

  /** Requests per second one replica is provisioned for: capacity times the target utilization. */
  double target(ScalingSpec spec) {
    return capacityPerReplica * spec.targetUtilization();
  }

  double drainSeconds() {
    return drainBudget.toNanos() / 1e9;
  }

  /** The rate to provision for: the rate read, or the inflow seen through the queue if larger. */
  double rate(double measured) {
    return Math.max(measured, inflow.orElse(0.0));
  }
}
