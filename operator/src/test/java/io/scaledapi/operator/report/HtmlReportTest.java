package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Series;
import io.scaledapi.operator.sim.SimulationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report: valid HTML by the W3C checker, the policies overlaid on one chart per series,
 * the worst episodes zoomed into, the results in words, all text escaped.
 */
public class HtmlReportTest {

  /** The simulator's policies by their catalog names, in the catalog's order. */
  static final List<String> POLICIES = List.of("ours", "hpa", "keda", "knative", "oracle");

  /** The charts of the whole run, before any episode's. */
  public static final List<String> OVERVIEW =
      List.of("Traffic: arrival rate", "Replicas: every policy", "Queue wait: every policy");

  static String render(SimulationResult run, Map<String, String> settings) {
    Comparison comparison = Comparison.of(run, POLICIES.subList(0, run.results().size()));
    return new HtmlReport("simulate: " + run.workload().name(), "t = 0", settings, run, comparison)
        .render();
  }

  public static List<String> chartTitles(String html) {
    Matcher m =
        Pattern.compile("<svg [^>]*>\\s*<title id=\"[^\"]+\">([^<]*)</title>").matcher(html);
    List<String> titles = new ArrayList<>();
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  /** The SVG of the chart titled {@code title}. */
  static String chart(String html, String title) {
    int at = html.indexOf(">" + title + "</title>");
    return html.substring(html.lastIndexOf("<svg ", at), html.indexOf("</svg>", at));
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
  void overlaysEveryPolicyOnOneChartPerSeries() {
    String html = render(FakeResults.run("daily-spikes", 100, POLICIES), Map.of());

    assertThat(chartTitles(html)).startsWith(OVERVIEW.toArray(String[]::new));
    String replicas = chart(html, "Replicas: every policy");
    String waits = chart(html, "Queue wait: every policy");
    for (String policy : POLICIES) {
      String band = "<path class=\"band " + Palette.of(policy) + "\" d=\"M";
      assertThat(replicas).contains(band, ">" + policy + "</text>");
      assertThat(waits).contains(band, ">" + policy + "</text>");
    }
    assertThat(replicas).contains("<path class=\"guide\" d=\"M", ">traffic / capacity (10");
    assertThat(waits).contains("class=\"slo\"", ">SLO 250ms</text>", "(log scale)");
  }

  /** A run of {@code points} minutes whose {@code policy} waits {@code wait} s in [from, to). */
  static SimulationResult spell(int points, String policy, int from, int to, double wait) {
    SimulationResult quiet = FakeResults.run("w", points, List.of());
    List<PolicyResult> results = new ArrayList<>();
    for (String name : List.of("ours", "hpa", "oracle")) {
      double[] rate = new double[points];
      Arrays.fill(rate, 100);
      double[] replicas = new double[points];
      Arrays.fill(replicas, 12);
      double[] waits = new double[points];
      if (name.equals(policy)) {
        Arrays.fill(waits, from, to, wait);
        Arrays.fill(replicas, from, to, 5);
      }
      Series series = new Series(60, rate, replicas, replicas, waits);
      results.add(FakeResults.result(name, 1000, 0.01, series));
    }
    return new SimulationResult(quiet.workload(), quiet.cluster(), results);
  }

  static String report(SimulationResult run) {
    Comparison comparison = Comparison.of(run, List.of("ours", "hpa", "oracle"));
    return new HtmlReport("simulate: w", "t = 0", Map.of(), run, comparison).render();
  }

  @Test
  void zoomsIntoTheWorstEpisodeAndShadesItOnTheWholeRun() {
    // 600 minutes; hpa waits 12 s from minute 300 to 305; a window is 40 points
    String html = report(spell(600, "hpa", 300, 305, 12));

    assertThat(chartTitles(html))
        .containsExactly(
            "Traffic: arrival rate",
            "Replicas: every policy",
            "Queue wait: every policy",
            "Episode 1: replicas, 4h42m to 5h22m",
            "Episode 1: queue wait, 4h42m to 5h22m");
    assertThat(html)
        .contains("<h3>Episode 1: 4h42m to 5h22m</h3>")
        .contains("<p>Longest queue wait in this window: hpa 12.00 s, ours 0 ms, oracle 0 ms.</p>");
    for (String title : OVERVIEW) {
      assertThat(chart(html, title)).contains("<rect class=\"window\"", ">1</text>");
    }
    // zoomed in, each of the 40 points is a column of its own: hpa's dip shows point by point
    String zoomed = chart(html, "Episode 1: replicas, 4h42m to 5h22m");
    String hpa = zoomed.substring(zoomed.indexOf("<path class=\"band c2\" d=\""));
    assertThat(hpa.substring(0, hpa.indexOf("\"/>")).split("L", -1)).hasSize(2 * 40);
  }

  @Test
  void withoutAWaitOverTheSloThereIsNoEpisode() {
    String html = report(spell(600, "hpa", 300, 305, 0.2));

    assertThat(chartTitles(html)).containsExactlyElementsOf(OVERVIEW);
    assertThat(html)
        .contains("No policy let a request wait longer than the SLO")
        .doesNotContain("<rect class=\"window\"");
  }

  @Test
  void aSpikeOnePointWideSurvivesOnTheWholeRun() {
    // 3000 points on 880 pixel columns: a mean per column would flatten hpa's one-point dip
    String html = report(spell(3000, "hpa", 1500, 1501, 12));

    String replicas = chart(html, "Replicas: every policy");
    String hpa = replicas.substring(replicas.indexOf("<path class=\"band c2\" d=\""));
    hpa = hpa.substring(0, hpa.indexOf("\"/>"));
    // on an axis from 4 to 12 over y 230 to 40: 12 replicas at y 40, the dip to 5 at y 206.3
    assertThat(hpa).contains(" 40.0L").contains(" 206.3L");
  }

  @Test
  void saysWhatTheNumbersMeanUnderTheTable() {
    String html = render(FakeResults.run("w", 100, List.of("ours", "hpa", "keda")), Map.of());

    String words = html.substring(html.indexOf("</table>"), html.indexOf("<p class=\"note\">"));
    assertThat(words)
        .contains("ours let the fewest requests wait longer than the SLO of 250ms: 0%")
        .contains("ours cost the least");
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
        .contains("time counted from 1995-07-01T04:00:01Z.")
        .doesNotContain("2024-01-01");
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
        .contains(">&lt;i&gt;hpa&lt;/i&gt;</text>");
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
