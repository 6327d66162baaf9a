package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.report.FrontierCurve;
import io.scaledapi.operator.report.FrontierPoint;
import io.scaledapi.operator.report.Frontiers;
import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Series;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which runs a sweep makes, and how their results become curves. */
class FrontierSweepTest {

  static List<String> labels(List<FrontierSweep.Run> runs) {
    return runs.stream().map(r -> r.label() + (r.isDefault() ? " *" : "")).toList();
  }

  @Test
  void eachBaselineAtEveryShareOursAtEveryShareAndConfidence() {
    List<FrontierSweep.Run> runs =
        FrontierSweep.plan(
            List.of("ours", "hpa", "oracle"), List.of(0.9, 0.5, 0.7), List.of(0.97, 0.75, 0.9));

    assertThat(labels(runs))
        .containsExactly(
            "ours 0.5, 0.75",
            "ours 0.5, 0.9",
            "ours 0.5, 0.97",
            "ours 0.7, 0.75",
            "ours 0.7, 0.9 *",
            "ours 0.7, 0.97",
            "ours 0.9, 0.75",
            "ours 0.9, 0.9",
            "ours 0.9, 0.97",
            "ours-reactive 0.5",
            "ours-reactive 0.7 *",
            "ours-reactive 0.9",
            "hpa 0.5",
            "hpa 0.7 *",
            "hpa 0.9",
            "oracle *");
  }

  @Test
  void theDefaultIsAlwaysRunOnce() {
    List<FrontierSweep.Run> runs =
        FrontierSweep.plan(List.of("knative", "ours"), List.of(0.4), List.of(0.8));

    assertThat(labels(runs))
        .containsExactly(
            "knative 0.4",
            "knative 0.7 *",
            "ours 0.4, 0.8",
            "ours 0.7, 0.8",
            "ours 0.7, 0.9 *",
            "ours-reactive 0.4",
            "ours-reactive 0.7 *");
  }

  @Test
  void theDefaultGridMakesTheRunsTheHelpSays() {
    List<Double> grid =
        FrontierCommand.checked("--grid", parse(FrontierCommand.DEFAULT_GRID), 0, 1, "");
    List<Double> levels =
        FrontierCommand.checked(
            "--confidences", parse(FrontierCommand.DEFAULT_CONFIDENCES), 0.5, 0.999, "");

    assertThat(grid).hasSize(FrontierCommand.DEFAULT_GRID_SIZE);
    assertThat(FrontierSweep.plan(PolicyCatalog.NAMES, grid, levels))
        .hasSize(FrontierCommand.DEFAULT_RUNS);
  }

  static List<Double> parse(String values) {
    List<Double> parsed = new ArrayList<>();
    for (String v : values.split(",")) {
      parsed.add(Double.parseDouble(v));
    }
    return parsed;
  }

  @Test
  void resultsBecomeOneCurvePerPolicyInTheOrderOfTheRuns() {
    List<FrontierSweep.Run> runs =
        FrontierSweep.plan(List.of("hpa", "ours"), List.of(0.7), List.of(0.9));
    List<PolicyResult> results = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      results.add(result(1000 + i, 0.01 * i));
    }

    Frontiers frontiers = FrontierSweep.curves(runs, results);

    assertThat(frontiers.curves())
        .extracting(FrontierCurve::policy)
        .containsExactly("hpa", "ours", "ours-reactive");
    assertThat(frontiers.curve("ours").orElseThrow().points())
        .containsExactly(new FrontierPoint("0.7, 0.9", 1001, 0.01, true));
    assertThat(frontiers.curve("ours-reactive").orElseThrow().knob())
        .isEqualTo("utilization, prediction off");
  }

  static PolicyResult result(double cost, double share) {
    Series none = new Series(1, new double[1], new double[1], new double[1], new double[1]);
    return new PolicyResult(
        "x",
        100,
        100,
        0,
        0,
        share,
        0,
        0,
        0,
        cost,
        1,
        none,
        java.util.Optional.empty(),
        java.util.List.of());
  }
}
