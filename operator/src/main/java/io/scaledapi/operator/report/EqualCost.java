package io.scaledapi.operator.report;

import java.util.OptionalDouble;

/**
 * Two policies compared where they cost the same or violate the SLO as often, read from their
 * frontiers: a policy that runs more replicas violates less, so a comparison at unequal cost says
 * little.
 *
 * @param policy the policy compared with ours, e.g. "hpa"
 * @param reference its point the first reading is taken at
 * @param oursDefault ours' point the second reading is taken at
 * @param oursShareAtCost ours' frontier at the reference's cost; empty outside ours' frontier
 * @param costAtOursShare the policy's frontier at ours' default violating share; empty outside its
 *     frontier
 */
public record EqualCost(
    String policy,
    FrontierPoint reference,
    FrontierPoint oursDefault,
    OptionalDouble oursShareAtCost,
    OptionalDouble costAtOursShare) {

  /**
   * The readings of {@code other} against ours: ours' frontier at the cost of {@code other}'s
   * default point, and {@code other}'s frontier at ours' default violating share.
   */
  public static EqualCost of(FrontierCurve ours, FrontierCurve other) {
    FrontierPoint oursDefault = requireDefault(ours);
    FrontierPoint reference = requireDefault(other);
    return new EqualCost(
        other.policy(),
        reference,
        oursDefault,
        ours.frontier().shareAt(reference.replicaSeconds()),
        other.frontier().costAt(oursDefault.violatingShare()));
  }

  /**
   * How many times more often the policy's reference point violates than ours' frontier at the same
   * cost; empty when ours' share is not known or is zero.
   */
  public OptionalDouble shareRatio() {
    return ratio(reference.violatingShare(), oursShareAtCost);
  }

  /**
   * How many times ours' default cost the policy needs to violate as rarely; empty when that cost
   * is not known.
   */
  public OptionalDouble costRatio() {
    return costAtOursShare.isPresent() && oursDefault.replicaSeconds() > 0
        ? OptionalDouble.of(costAtOursShare.getAsDouble() / oursDefault.replicaSeconds())
        : OptionalDouble.empty();
  }

  static OptionalDouble ratio(double numerator, OptionalDouble denominator) {
    return denominator.isPresent() && denominator.getAsDouble() > 0
        ? OptionalDouble.of(numerator / denominator.getAsDouble())
        : OptionalDouble.empty();
  }

  static FrontierPoint requireDefault(FrontierCurve curve) {
    return curve
        .defaultPoint()
        .orElseThrow(
            () -> new IllegalArgumentException(curve.policy() + " has no run at its default"));
  }
}
