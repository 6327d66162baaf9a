package io.scaledapi.operator.report;

import static io.scaledapi.operator.report.ParetoFrontierTest.d;
import static io.scaledapi.operator.report.ParetoFrontierTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sweep's tables as text. */
class FrontierTablesTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0%",
    "1, 100%",
    "0.123, 12.3%",
    "0.015, 1.50%",
    "0.00141, 0.141%",
    "0.0000045, 0.000450%",
    "1e-8, 0.000001%",
    "1e-12, < 0.000001%",
    "NaN, n/a"
  })
  void sharesKeepThreeSignificantDigitsAcrossDecades(double share, String text) {
    assertThat(FrontierTables.share(share)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"ours, ours'", "hpa, hpa's", "ours-reactive, ours-reactive's"})
  void possessives(String name, String text) {
    assertThat(FrontierTables.possessive(name)).isEqualTo(text);
  }

  @Test
  void aFrontierTableShowsABeatenDefaultInItsPlaceByCost() {
    FrontierCurve hpa =
        new FrontierCurve(
            "hpa",
            "target",
            List.of(
                p("0.5", 2_000_000, 0.001), d("0.7", 1_600_000, 0.02), p("0.9", 1_500_000, 0.01)));

    assertThat(FrontierTables.frontier(hpa).markdown())
        .isEqualTo(
            """
            | target | replica-seconds | waited > SLO |        default? |
            |--------|----------------:|-------------:|----------------:|
            | 0.9    |       1,500,000 |        1.00% |                 |
            | 0.7    |       1,600,000 |        2.00% | default, beaten |
            | 0.5    |       2,000,000 |       0.100% |                 |
            """);
  }

  @Test
  void theWholeSweepReadsTopToBottom() {
    FrontierCurve ours = EqualCostTest.OURS;
    FrontierCurve reactive =
        new FrontierCurve("ours-reactive", "u", List.of(d("u0.7", 160, 0.005)));
    FrontierCurve hpa =
        new FrontierCurve(
            "hpa",
            "target",
            List.of(p("t0.9", 125, 0.1), d("t0.7", 175, 0.01), p("t0.5", 275, 1e-3)));
    FrontierCurve knative = new FrontierCurve("knative", "target", List.of(d("t0.7", 300, 5e-4)));
    FrontierCurve oracle = new FrontierCurve("oracle", "perfect foresight", List.of(d("-", 90, 0)));

    String text =
        FrontierTables.render(new Frontiers(List.of(ours, reactive, hpa, knative, oracle)));

    assertThat(text)
        .contains("\nhpa\n| target | replica-seconds |")
        .contains("\noracle (perfect foresight): 90 replica-seconds, 0% waited > SLO\n")
        .contains("| hpa      |                          175 |                     1.00% |")
        .contains("| knative  |                          300 |                   0.0500% |")
        .contains("| hpa      |                                                  275 |")
        .contains("outside ours' frontier")
        .contains("outside knative's frontier")
        .contains(
            "ours' frontier spans 100 to 200 replica-seconds and 1.00% to 0.0100% waited > SLO.")
        .contains("knative's frontier is one point: 300 replica-seconds, 0.0500% waited > SLO.")
        .contains("| waited > SLO at 150 replica-seconds    |               0.100% |");
    assertThat(text.indexOf("\nours\n")).isLessThan(text.indexOf("\nhpa\n"));
  }
}
