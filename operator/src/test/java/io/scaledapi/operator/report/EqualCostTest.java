package io.scaledapi.operator.report;

import static io.scaledapi.operator.report.ParetoFrontierTest.check;
import static io.scaledapi.operator.report.ParetoFrontierTest.d;
import static io.scaledapi.operator.report.ParetoFrontierTest.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Baselines against ours at equal cost, and prediction on against off, on hand-built curves. */
class EqualCostTest {

  /** 0.01 at 100, its default 0.001 at 150, 0.0001 at 200: a straight line on a log scale. */
  static final FrontierCurve OURS =
      new FrontierCurve(
          "ours", "u", List.of(p("u0.9", 100, 0.01), d("u0.7", 150, 0.001), p("u0.5", 200, 1e-4)));

  static FrontierCurve curve(String policy, FrontierPoint... points) {
    return new FrontierCurve(policy, "target", List.of(points));
  }

  @Test
  void readsOursAtTheBaselinesCostAndTheBaselineAtOursShare() {
    FrontierCurve hpa =
        curve("hpa", p("t0.9", 125, 0.1), d("t0.7", 175, 0.01), p("t0.5", 275, 1e-3));

    EqualCost r = EqualCost.of(OURS, hpa);

    // 175 is half-way from 150 to 200: half-way from 1e-3 to 1e-4 on a log scale
    check(r.oursShareAtCost(), Math.pow(10, -3.5));
    check(r.shareRatio(), 0.01 / Math.pow(10, -3.5));
    // hpa's own point at 1e-3
    check(r.costAtOursShare(), 275);
    check(r.costRatio(), 275.0 / 150);
    assertThat(r.reference().setting()).isEqualTo("t0.7");
    assertThat(r.oursDefault().setting()).isEqualTo("u0.7");
  }

  @Test
  void nothingIsReadOutsideAFrontier() {
    // dearer than ours ever was, and violating less than ours' default even at its cheapest
    FrontierCurve knative = curve("knative", d("t0.7", 300, 5e-4), p("t0.5", 400, 2e-4));

    EqualCost r = EqualCost.of(OURS, knative);

    check(r.oursShareAtCost(), Double.NaN);
    check(r.shareRatio(), Double.NaN);
    check(r.costAtOursShare(), Double.NaN);
    check(r.costRatio(), Double.NaN);
  }

  @Test
  void noRatioToAShareOfZero() {
    FrontierCurve ours =
        new FrontierCurve("ours", "u", List.of(d("u0.7", 100, 0.01), p("u0.5", 200, 0)));
    FrontierCurve keda = curve("keda", d("t0.7", 200, 0.02));

    EqualCost r = EqualCost.of(ours, keda);

    check(r.oursShareAtCost(), 0);
    check(r.shareRatio(), Double.NaN);
    check(r.costAtOursShare(), Double.NaN);
  }

  @Test
  void equalCostsReadTheCheaperFrontierPoint() {
    // two baseline runs of the same cost: the one that violates less is the frontier
    FrontierCurve hpa = curve("hpa", d("t0.7", 150, 0.004), p("t0.6", 150, 0.002));

    EqualCost r = EqualCost.of(OURS, hpa);

    check(r.oursShareAtCost(), 0.001);
    check(r.shareRatio(), 4);
    check(r.costAtOursShare(), Double.NaN);
  }

  @Test
  void aCurveWithoutItsDefaultIsRefused() {
    FrontierCurve hpa = curve("hpa", p("t0.5", 100, 0.01));

    assertThatThrownBy(() -> EqualCost.of(OURS, hpa)).hasMessage("hpa has no run at its default");
  }

  @Test
  void predictionIsWeighedAtOursDefaultRun() {
    FrontierCurve reactive =
        curve("ours-reactive", p("u0.9", 120, 0.05), d("u0.7", 160, 0.005), p("u0.5", 240, 5e-4));

    PredictionGain gain = PredictionGain.of(OURS, reactive);

    check(gain.withPrediction(), 0.001);
    // 150 is three quarters of the way from 120 to 160
    check(gain.withoutPrediction(), 0.05 * Math.pow(0.1, 0.75));
    check(gain.shareRatio(), 50 * Math.pow(0.1, 0.75));
    // 1e-3 is log10(5) of the decade from 5e-3 to 5e-4
    check(gain.reactiveCost(), 160 + 80 * Math.log10(5));
    check(gain.costRatio(), (160 + 80 * Math.log10(5)) / 150);
  }

  @Test
  void aBeatenDefaultIsReadOnTheFrontierBelowIt() {
    FrontierCurve ours =
        new FrontierCurve(
            "ours",
            "u",
            List.of(p("u0.6", 100, 0.01), d("u0.7", 150, 0.02), p("u0.5", 200, 0.001)));
    FrontierCurve reactive = curve("ours-reactive", d("u0.7", 150, 0.03));

    PredictionGain gain = PredictionGain.of(ours, reactive);

    check(gain.withPrediction(), Math.sqrt(0.01 * 0.001));
    check(gain.withoutPrediction(), 0.03);
    check(gain.reactiveCost(), Double.NaN);
  }
}
