package io.scaledapi.operator.report;

/**
 * One run of one policy with its knob at one setting: what it cost and how often it missed the SLO.
 *
 * @param setting the knob's value in words, e.g. "target 0.7"
 * @param replicaSeconds the run's cost: the sum over seconds of replicas running or starting
 * @param violatingShare the share of requests that waited longer than the SLO, dropped ones
 *     included, in [0, 1]
 * @param isDefault whether the knob is at the policy's default
 */
public record FrontierPoint(
    String setting, double replicaSeconds, double violatingShare, boolean isDefault) {

  /** Whether this point is at least as good as {@code other} in both measures. */
  boolean atLeastAsGoodAs(FrontierPoint other) {
    return replicaSeconds <= other.replicaSeconds && violatingShare <= other.violatingShare;
  }
}
