package io.scaledapi.operator.report;

import java.util.List;
import java.util.Optional;

/**
 * The curves of a sweep and what they say: each baseline against ours at equal cost, and ours with
 * prediction on against off. Curves are named as the policies the command line names, plus {@value
 * #REACTIVE} for ours with prediction off.
 */
public record Frontiers(List<FrontierCurve> curves) {

  public static final String OURS = "ours";
  public static final String REACTIVE = "ours-reactive";
  public static final String ORACLE = "oracle";

  public Frontiers {
    curves = List.copyOf(curves);
  }

  public Optional<FrontierCurve> curve(String policy) {
    return curves.stream().filter(c -> c.policy().equals(policy)).findFirst();
  }

  /**
   * The curves of the baselines: every policy but ours, ours with prediction off and the oracle.
   */
  public List<FrontierCurve> baselines() {
    return curves.stream()
        .filter(c -> !List.of(OURS, REACTIVE, ORACLE).contains(c.policy()))
        .toList();
  }

  /** Each baseline against ours at equal cost; none without ours. */
  public List<EqualCost> readings() {
    Optional<FrontierCurve> ours = curve(OURS);
    return ours.isEmpty()
        ? List.of()
        : baselines().stream().map(b -> EqualCost.of(ours.get(), b)).toList();
  }

  /** Ours with prediction against without, when both were swept. */
  public Optional<PredictionGain> prediction() {
    Optional<FrontierCurve> ours = curve(OURS);
    Optional<FrontierCurve> reactive = curve(REACTIVE);
    return ours.isPresent() && reactive.isPresent()
        ? Optional.of(PredictionGain.of(ours.get(), reactive.get()))
        : Optional.empty();
  }
}
