package io.scaledapi.operator.report;

import static io.scaledapi.operator.report.ParetoFrontierTest.d;
import static io.scaledapi.operator.report.ParetoFrontierTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frontier report: valid HTML, one chart with every point, the tables, all text escaped. */
class FrontierReportTest {

  static Frontiers sweep(String hpaName) {
    FrontierCurve reactive =
        new FrontierCurve("ours-reactive", "u", List.of(p("0.9", 120, 0.05), d("0.7", 160, 0.005)));
    FrontierCurve hpa =
        new FrontierCurve(
            hpaName,
            "target",
            List.of(
                p("0.9", 125, 0.1), d("0.7", 175, 0.01), p("0.5", 275, 1e-3), p("0.4", 300, 0.02)));
    FrontierCurve oracle = new FrontierCurve("oracle", "no knob", List.of(d("", 90, 0)));
    return new Frontiers(List.of(EqualCostTest.OURS, reactive, hpa, oracle));
  }

  static String render(Frontiers frontiers, Map<String, String> settings) {
    return new FrontierReport("frontier: w", "w: 1 hour of arrivals", settings, frontiers).render();
  }

  @Test
  void isValidHtmlByTheNuChecker() {
    assertThat(NuHtmlChecker.messages(render(sweep("hpa"), Map.of("seed", "1")))).isEmpty();
  }

  @Test
  void drawsEveryPointFrontiersAsLinesAndRingsTheDefaults() {
    String html = render(sweep("hpa"), Map.of());

    assertThat(HtmlReportTest.chartTitles(html))
        .containsExactly("Cost against SLO violations, every setting of every policy");
    // ours, ours-reactive and hpa have a frontier line; the oracle is a diamond
    assertThat(html.split("<path class=\"line ", -1)).hasSize(1 + 3);
    assertThat(html.split("<path class=\"point c5\"", -1)).hasSize(2);
    assertThat(html.split("<circle class=\"default ", -1)).hasSize(1 + 3);
    // hpa's 0.4 is beaten by its 0.7
    assertThat(html.split("<circle class=\"beaten ", -1)).hasSize(2);
    assertThat(html)
        .contains("<title>hpa 0.4: 300 replica-seconds, 2.00% waited &gt; SLO</title>")
        .contains("<title>hpa 0.7 (default): 175 replica-seconds, 1.00% waited &gt; SLO</title>")
        .contains("<title>oracle: 90 replica-seconds, 0% waited &gt; SLO</title>");
  }

  @Test
  void theShareAxisSpansTheCurvesAndAFarLowerPointSitsOnItsBottom() {
    Frontiers frontiers = sweep("hpa");
    List<FrontierCurve> curves = new java.util.ArrayList<>(frontiers.curves());
    curves.set(3, new FrontierCurve("oracle", "no knob", List.of(d("", 90, 1e-9))));

    String chart =
        HtmlReportTest.chart(
            render(new Frontiers(curves), Map.of()),
            "Cost against SLO violations, every setting of every policy");

    // the curves reach down to 0.01%: the axis ends there, and the oracle's 1e-7 % sits on it
    assertThat(chart).contains(">≤ 0.01%</text>", ">10%</text>").doesNotContain("0.0001%");
    // the bottom line is at y 394; the diamond's top point 7 above it
    assertThat(chart).containsPattern("<path class=\"point c5\" d=\"M[0-9.]+ 387.0L");
  }

  @Test
  void hasTheReadingsAndATablePerPolicy() {
    String html = render(sweep("hpa"), Map.of("grid", "0.4, 0.5"));

    assertThat(html)
        .contains("<h2>Each baseline against ours at equal cost</h2>")
        .contains("<h2>Prediction on against off</h2>")
        .contains("<h3>ours</h3>", "<h3>ours-reactive</h3>", "<h3>hpa</h3>")
        .contains("<p>oracle (no knob): 90 replica-seconds, 0% waited &gt; SLO</p>")
        .contains("<tr><th>hpa</th><td class=\"num\">175</td><td class=\"num\">1.00%</td>")
        .contains("<tr><th>grid</th><td>0.4, 0.5</td></tr>");
  }

  @Test
  void escapesEveryText() {
    String html = render(sweep("<b>hpa</b>"), Map.of("q", "a<b"));

    assertThat(html).doesNotContain("<b>");
    assertThat(html).contains("&lt;b&gt;hpa&lt;/b&gt;", "a&lt;b");
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }
}
