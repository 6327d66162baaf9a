package io.scaledapi.operator.report;

import java.util.OptionalDouble;

/**
 * What prediction is worth at equal cost: ours' frontier against the frontier of ours with
 * prediction off (reactive), at ours' default point.
 *
 * @param oursDefault ours' run at its default setting
 * @param withPrediction ours' frontier at that run's cost; empty outside it
 * @param withoutPrediction the reactive frontier at that cost; empty outside it
 * @param reactiveCost the reactive frontier's cost at the default run's violating share; empty
 *     outside it
 */
public record PredictionGain(
    FrontierPoint oursDefault,
    OptionalDouble withPrediction,
    OptionalDouble withoutPrediction,
    OptionalDouble reactiveCost) {

  public static PredictionGain of(FrontierCurve ours, FrontierCurve reactive) {
    FrontierPoint at = EqualCost.requireDefault(ours);
    return new PredictionGain(
        at,
        ours.frontier().shareAt(at.replicaSeconds()),
        reactive.frontier().shareAt(at.replicaSeconds()),
        reactive.frontier().costAt(at.violatingShare()));
  }

  /** How many times more often the reactive frontier violates at the same cost. */
  public OptionalDouble shareRatio() {
    return withoutPrediction.isPresent()
        ? EqualCost.ratio(withoutPrediction.getAsDouble(), withPrediction)
        : OptionalDouble.empty();
  }

  /** How many times ours' default cost the reactive frontier needs to violate as rarely. */
  public OptionalDouble costRatio() {
    return reactiveCost.isPresent() && oursDefault.replicaSeconds() > 0
        ? OptionalDouble.of(reactiveCost.getAsDouble() / oursDefault.replicaSeconds())
        : OptionalDouble.empty();
  }
}
