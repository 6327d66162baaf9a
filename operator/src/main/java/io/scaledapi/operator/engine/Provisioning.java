package io.scaledapi.operator.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What the demand rule needs once the capacity of a replica is known.
 *
 * @param capacityPerReplica requests per second one ready replica serves (declared or learned)
 * @param source where the capacity comes from: Spec or Learned
 * @param drainBudget how long a backlog may take to drain: one lead time, the time new replicas
 *     take to serve
 */
public record Provisioning(double capacityPerReplica, String source, Duration drainBudget) {

  /** Checks for a positive capacity and a positive budget. */
  public Provisioning {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(drainBudget, "drainBudget");
    if (!Double.isFinite(capacityPerReplica) || capacityPerReplica <= 0) {
      throw new IllegalArgumentException(
          "capacityPerReplica must be a positive number: " + capacityPerReplica);
    }
    if (drainBudget.isNegative() || drainBudget.isZero()) {
      throw new IllegalArgumentException("drainBudget must be positive: " + drainBudget);
    }
  }

  /** Requests per second one replica is provisioned for: capacity times the target utilization. */
  double target(ScalingSpec spec) {
    return capacityPerReplica * spec.targetUtilization();
  }

  double drainSeconds() {
    return drainBudget.toNanos() / 1e9;
  }
}
