package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.SimulationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report: valid HTML by the W3C checker, one chart per series, all text escaped. */
public class HtmlReportTest {

  /** The simulator's policies by their catalog names, in the catalog's order. */
  static final List<String> POLICIES = List.of("ours", "hpa", "keda", "knative", "oracle");

  static String render(SimulationResult run, Map<String, String> settings) {
    Comparison comparison = Comparison.of(run, POLICIES.subList(0, run.results().size()));
    return new HtmlReport("simulate: " + run.workload().name(), "t = 0", settings, run, comparison)
        .render();
  }

  public static List<String> chartTitles(String html) {
    Matcher m =
        Pattern.compile("<svg [^>]*>\\s*<title id=\"[^\"]+\">([^<]*)</title>").matcher(html);
    List<String> titles = new java.util.ArrayList<>();
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  @Test
  void isValidHtmlByTheNuChecker() {
    String html = render(FakeResults.run("daily-spikes", 300, POLICIES), Map.of("seed", "1"));

    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }

  @Test
  void theCheckerFindsErrorsInBrokenHtml() {
    // the check can fail: an undeclared element and a table cell outside a table are errors
    String html = render(FakeResults.run("w", 10, POLICIES), Map.of());
    String broken = html.replace("<h2>Results</h2>", "<h2>Results</h2><blink>x</blink><td>y</td>");

    assertThat(NuHtmlChecker.messages(broken)).isNotEmpty();
  }

  @Test
  void hasOneTitledChartPerSeries() {
    String html = render(FakeResults.run("daily-spikes", 100, POLICIES), Map.of());

    List<String> expected = new java.util.ArrayList<>(List.of("Traffic: arrival rate"));
    POLICIES.forEach(p -> expected.add("Replicas: " + p));
    POLICIES.forEach(p -> expected.add("Queue wait: " + p));
    assertThat(html.split("<svg ", -1)).hasSize(1 + 1 + 2 * POLICIES.size());
    assertThat(chartTitles(html)).containsExactlyElementsOf(expected);
    // the SLO is drawn on every wait chart
    assertThat(html.split("class=\"slo\"", -1)).hasSize(1 + POLICIES.size());
    assertThat(html).contains(">SLO 250ms</text>");
  }

  @Test
  void explainsWhyHpaAndKedaCoincideOnlyWhenTheyDo() {
    SimulationResult differing = FakeResults.run("w", 20, List.of("hpa", "keda"));
    PolicyResult hpa = differing.results().get(0);
    SimulationResult equal =
        new SimulationResult(
            differing.workload(),
            differing.cluster(),
            List.of(hpa, ComparisonTest.renamed(hpa, "keda")));
    List<String> both = List.of("hpa", "keda");
    String note = "<p>" + HtmlReport.escape(Comparison.HPA_KEDA_NOTE) + "</p>";

    assertThat(report(equal, both)).contains(note);
    assertThat(report(differing, both)).doesNotContain(note);
  }

  @Test
  void namesTheStartOfTheTrafficAsGiven() {
    SimulationResult run = FakeResults.run("trace.csv", 20, POLICIES);
    Comparison comparison = Comparison.of(run, POLICIES);
    String html =
        new HtmlReport("simulate: trace.csv", "1995-07-01T04:00:01Z", Map.of(), run, comparison)
            .render();

    assertThat(html)
        .contains("<p>Workload trace.csv: 1 s from 1995-07-01T04:00:01Z, 1,000 requests.")
        .contains("<p>Time on every chart counts from 1995-07-01T04:00:01Z.</p>")
        .doesNotContain("2024-01-01");
  }

  static String report(SimulationResult run, List<String> policies) {
    Comparison comparison = Comparison.of(run, policies);
    return new HtmlReport("simulate: w", "t = 0", Map.of(), run, comparison).render();
  }

  @Test
  void escapesEveryText() {
    String evil = "<script>alert(\"x\")</script> & 'q'";
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("query", "sum(rate(x{a=\"<b>\"}[1m])) > 0 & more");
    SimulationResult run = FakeResults.run(evil, 50, List.of("ours", "<i>hpa</i>"));

    String html = render(run, settings);

    assertThat(html).doesNotContain("<script", "<i>", "<b>");
    assertThat(html)
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
        .contains("sum(rate(x{a=&quot;&lt;b&gt;&quot;}[1m])) &gt; 0 &amp; more")
        .contains("Replicas: &lt;i&gt;hpa&lt;/i&gt;");
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }

  @Test
  void isSelfContainedAndSmallForThousandsOfPoints() {
    String html = render(FakeResults.run("forty-days", 3000, POLICIES), Map.of());

    assertThat(html).doesNotContain("<script", "<link", " src=", "url(", "@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    assertThat(html.length()).isLessThan(1_000_000);
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }
}
