package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.report.FrontierCurve;
import io.scaledapi.operator.report.FrontierPoint;
import io.scaledapi.operator.report.Frontiers;
import io.scaledapi.operator.sim.OursPolicy;
import io.scaledapi.operator.sim.PolicyFactory;
import io.scaledapi.operator.sim.PolicyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The runs of a sweep: each chosen policy with its knob at every value of a grid, its default
 * always among them. Ours turns two knobs, utilization and forecast confidence, and is swept again
 * with prediction off ({@value Frontiers#REACTIVE}); the oracle has no knob and runs once.
 */
final class FrontierSweep {

  static final double DEFAULT_SHARE = OursPolicy.TARGET_UTILIZATION;
  static final double DEFAULT_CONFIDENCE = PredictionSpec.DEFAULT_CONFIDENCE;

  /**
   * One run of the sweep.
   *
   * @param policy the curve it belongs to: a catalog name or {@value Frontiers#REACTIVE}
   * @param setting its knob's value in words, under the curve's knob
   */
  record Run(String policy, String setting, boolean isDefault, PolicyFactory factory) {

    /** The run's outcome as a point of its curve. */
    FrontierPoint point(PolicyResult result) {
      return new FrontierPoint(
          setting, result.replicaSeconds(), result.violatingShare(), isDefault);
    }

    /** {@code "hpa 0.6"}, for progress lines. */
    String label() {
      return setting.isEmpty() ? policy : policy + " " + setting;
    }
  }

  private FrontierSweep() {}

  /**
   * The runs for {@code policies} (catalog names, in the order to show them), each baseline at
   * every share of {@code shares}, ours at every share and confidence of {@code confidences}.
   */
  static List<Run> plan(List<String> policies, List<Double> shares, List<Double> confidences) {
    TreeSet<Double> grid = new TreeSet<>(shares);
    grid.add(DEFAULT_SHARE);
    List<Run> runs = new ArrayList<>();
    for (String policy : policies) {
      switch (policy) {
        case PolicyCatalog.OURS -> {
          runs.addAll(ours(grid, new TreeSet<>(confidences)));
          runs.addAll(reactive(grid));
        }
        case PolicyCatalog.ORACLE ->
            runs.add(
                new Run(
                    policy,
                    "",
                    true,
                    PolicyCatalog.factory(
                        policy, Optional.empty(), PolicyCatalog.Tuning.defaults())));
        default -> runs.addAll(baseline(policy, grid));
      }
    }
    return runs;
  }

  /** Ours at every share and confidence, and at its default. */
  private static List<Run> ours(TreeSet<Double> grid, TreeSet<Double> confidences) {
    List<Run> runs = new ArrayList<>();
    for (double share : grid) {
      for (double confidence : confidences) {
        runs.add(ours(share, confidence));
      }
      if (share == DEFAULT_SHARE && !confidences.contains(DEFAULT_CONFIDENCE)) {
        runs.add(ours(share, DEFAULT_CONFIDENCE));
      }
    }
    return runs;
  }

  /** Ours with prediction off at every share. */
  private static List<Run> reactive(TreeSet<Double> grid) {
    return grid.stream()
        .map(
            share ->
                new Run(
                    Frontiers.REACTIVE,
                    Comparison.number(share),
                    share == DEFAULT_SHARE,
                    OursPolicy.reactive(share)))
        .toList();
  }

  /** A baseline with its target at every share. */
  private static List<Run> baseline(String policy, TreeSet<Double> grid) {
    return grid.stream()
        .map(
            share ->
                new Run(
                    policy,
                    Comparison.number(share),
                    share == DEFAULT_SHARE,
                    PolicyCatalog.factory(
                        policy, Optional.empty(), PolicyCatalog.Tuning.baselinesAt(share))))
        .toList();
  }

  private static Run ours(double share, double confidence) {
    return new Run(
        PolicyCatalog.OURS,
        Comparison.number(share) + ", " + Comparison.number(confidence),
        share == DEFAULT_SHARE && confidence == DEFAULT_CONFIDENCE,
        OursPolicy.tuned(share, confidence));
  }

  /** What each curve's knob is, for the header of its table. */
  static String knob(String policy) {
    return switch (policy) {
      case PolicyCatalog.OURS -> "utilization, confidence";
      case Frontiers.REACTIVE -> "utilization, prediction off";
      case PolicyCatalog.HPA -> "target, share of capacity";
      case PolicyCatalog.KEDA -> "threshold, share of capacity";
      case PolicyCatalog.KNATIVE -> "target utilization";
      case PolicyCatalog.ORACLE -> "perfect foresight, no knob";
      default -> policy;
    };
  }

  /** The curves of {@code runs}, whose results are {@code results} in the same order. */
  static Frontiers curves(List<Run> runs, List<PolicyResult> results) {
    Map<String, List<FrontierPoint>> points = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      points.computeIfAbsent(run.policy(), p -> new ArrayList<>()).add(run.point(results.get(i)));
    }
    List<FrontierCurve> curves = new ArrayList<>();
    points.forEach((policy, p) -> curves.add(new FrontierCurve(policy, knob(policy), p)));
    return new Frontiers(curves);
  }
}
