package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Series;
import io.scaledapi.operator.sim.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison as one self-contained HTML page, to be read in a minute: the results table and
 * what it says in plain words; the policies overlaid on one chart per series (traffic, replicas,
 * queue wait with the SLO), every peak kept; the worst episodes of the run, found by themselves,
 * zoomed in; and the run's settings. No scripts and nothing loaded from elsewhere; all text is
 * escaped.
 *
 * @param title the page's heading, e.g. "simulate: daily-spikes"
 * @param from how to name the workload's second 0: an instant, or "t = 0" when it is not known
 * @param settings what the run was given, in reading order
 */
public record HtmlReport(
    String title,
    String from,
    Map<String, String> settings,
    SimulationResult run,
    Comparison comparison) {

  /** How many of the worst episodes to zoom into. */
  static final int EPISODES = 3;

  public String render() {
    StringBuilder html = HtmlPage.open(title);
    html.append(HtmlPage.paragraph(summary()));
    html.append("<h2>Results</h2>\n")
        .append(ResultsTable.table(comparison).html())
        .append(HtmlPage.paragraph(ResultsSummary.of(comparison, run.cluster().slo())))
        .append("<p class=\"note\">Waited &gt; SLO counts dropped requests too. Against the")
        .append(" oracle, the fewest replicas that meet the SLO, requested one start-up ahead:")
        .append(" replica-seconds as a ratio, the share that waited longer than the SLO as a")
        .append(" difference in percentage points (pp).</p>\n");
    List<Episodes.Episode> episodes = episodes();
    overview(html, episodes);
    zooms(html, episodes);
    html.append("<h2>Settings</h2>\n").append(settingsTable(settings));
    return html.append(HtmlPage.close()).toString();
  }

  private Series traffic() {
    return run.results().get(0).series();
  }

  private double slo() {
    return run.cluster().slo().toNanos() / 1e9;
  }

  private List<Episodes.Episode> episodes() {
    List<Series> series = run.results().stream().map(PolicyResult::series).toList();
    Series traffic = traffic();
    int width = Episodes.windowPoints(traffic.stepSeconds(), traffic.points());
    return Episodes.worst(Episodes.overSlo(series, slo()), width, EPISODES);
  }

  private void overview(StringBuilder html, List<Episodes.Episode> episodes) {
    Series traffic = traffic();
    int points = traffic.points();
    List<SvgChart.Window> windows = new ArrayList<>();
    for (int i = 0; i < episodes.size(); i++) {
      windows.add(
          new SvgChart.Window(
              episodes.get(i).from(), episodes.get(i).to(), Integer.toString(i + 1)));
    }
    html.append("<h2>The whole run</h2>\n")
        .append("<p>Every policy on one chart per series, time counted from ")
        .append(escape(from))
        .append(". Where a pixel holds several points the band spans their least to their most,")
        .append(" so no spike is averaged away; each point covers ")
        .append(escape(Comparison.span(traffic.stepSeconds())))
        .append(".");
    if (!episodes.isEmpty()) {
      html.append(" The shaded windows are the worst episodes, zoomed in below.");
    }
    html.append("</p>\n");
    figure(
        html,
        SvgChart.whole(
            "traffic",
            "Traffic: arrival rate",
            "req/s",
            traffic.stepSeconds(),
            points,
            ChartAxis.linear(ChartAxis.max(traffic.arrivalRate())),
            List.of(new SvgChart.Line(traffic.arrivalRate(), "requests per second", "c5")),
            Optional.empty(),
            Optional.empty(),
            windows));
    figure(html, replicas("replicas", "Replicas: every policy", 0, points, windows));
    figure(html, waits("wait", "Queue wait: every policy", 0, points, windows));
  }

  private void zooms(StringBuilder html, List<Episodes.Episode> episodes) {
    html.append("<h2>Worst episodes</h2>\n");
    if (episodes.isEmpty()) {
      html.append(
          HtmlPage.paragraph(
              "No policy let a request wait longer than the SLO: there is no episode to zoom"
                  + " into."));
      return;
    }
    long step = traffic().stepSeconds();
    html.append(
        HtmlPage.paragraph(
            "The windows in which most requests arrived while some policy's longest queue wait"
                + " was over the SLO, counted over every policy, at the resolution the run keeps"
                + " ("
                + Comparison.span(step)
                + " a point)."));
    for (int i = 0; i < episodes.size(); i++) {
      Episodes.Episode e = episodes.get(i);
      String when = moment(e.from() * step, step) + " to " + moment(e.to() * step, step);
      html.append("<h3>")
          .append(escape("Episode " + (i + 1) + ": " + when))
          .append("</h3>\n")
          .append(HtmlPage.paragraph(longestWaits(e)));
      figure(
          html,
          replicas(
              "episode-" + (i + 1) + "-replicas",
              "Episode " + (i + 1) + ": replicas, " + when,
              e.from(),
              e.to(),
              List.of()));
      figure(
          html,
          waits(
              "episode-" + (i + 1) + "-wait",
              "Episode " + (i + 1) + ": queue wait, " + when,
              e.from(),
              e.to(),
              List.of()));
    }
  }

  /** Seconds since the start, to the minute when points are a minute or longer: {@code 1d13h5m}. */
  static String moment(long seconds, long stepSeconds) {
    return SvgChart.elapsed(stepSeconds >= 60 ? Math.round(seconds / 60.0) * 60 : seconds);
  }

  /** Each policy's longest wait in episode {@code e}, longest first. */
  private String longestWaits(Episodes.Episode e) {
    List<String> parts = new ArrayList<>();
    run.results().stream()
        .sorted((a, b) -> Double.compare(longest(b.series(), e), longest(a.series(), e)))
        .forEach(r -> parts.add(r.policy() + " " + Comparison.waitTime(longest(r.series(), e))));
    return "Longest queue wait in this window: " + String.join(", ", parts) + ".";
  }

  private static double longest(Series s, Episodes.Episode e) {
    double longest = 0;
    for (int k = e.from(); k < e.to(); k++) {
      longest = Math.max(longest, s.queueWait()[k]);
    }
    return longest;
  }

  private SvgChart replicas(
      String id, String title, int first, int end, List<SvgChart.Window> windows) {
    Series traffic = traffic();
    double capacity = run.cluster().capacityPerReplica();
    double[] needed = traffic.arrivalRate().clone();
    for (int k = 0; k < needed.length; k++) {
      needed[k] /= capacity;
    }
    double low = range(needed, first, end)[0];
    double high = range(needed, first, end)[1];
    List<SvgChart.Line> lines = new ArrayList<>();
    for (PolicyResult r : run.results()) {
      double[] replicas = r.series().replicas();
      low = Math.min(low, range(replicas, first, end)[0]);
      high = Math.max(high, range(replicas, first, end)[1]);
      lines.add(new SvgChart.Line(replicas, r.policy(), Palette.of(r.policy())));
    }
    return new SvgChart(
        id,
        title,
        "replicas running or starting",
        traffic.stepSeconds(),
        first,
        end,
        ChartAxis.fitted(Math.floor(low), Math.ceil(high)),
        lines,
        Optional.of(
            new SvgChart.Line(
                needed,
                "traffic / capacity (" + Comparison.number(capacity) + " req/s each)",
                "guide")),
        Optional.empty(),
        windows);
  }

  private SvgChart waits(
      String id, String title, int first, int end, List<SvgChart.Window> windows) {
    double slo = slo();
    double longest = slo;
    List<SvgChart.Line> lines = new ArrayList<>();
    for (PolicyResult r : run.results()) {
      double[] waits = r.series().queueWait();
      longest = Math.max(longest, range(waits, first, end)[1]);
      lines.add(new SvgChart.Line(waits, r.policy(), Palette.of(r.policy())));
    }
    return new SvgChart(
        id,
        title,
        "longest queue wait, seconds",
        traffic().stepSeconds(),
        first,
        end,
        ChartAxis.log(slo / 10, longest),
        lines,
        Optional.empty(),
        Optional.of(new SvgChart.Threshold(slo, "SLO " + Comparison.duration(run.cluster().slo()))),
        windows);
  }

  /** The least and most finite values of {@code values[first, end)}; 0 and 0 for none. */
  private static double[] range(double[] values, int first, int end) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int k = first; k < end; k++) {
      if (Double.isFinite(values[k])) {
        low = Math.min(low, values[k]);
        high = Math.max(high, values[k]);
      }
    }
    return low <= high ? new double[] {low, high} : new double[] {0, 0};
  }

  private String summary() {
    double requests = run.results().get(0).arrived();
    return String.format(
        Locale.ROOT,
        "Workload %s: %s from %s, %s requests. Every policy met the same traffic on the same"
            + " modelled cluster.",
        run.workload().name(),
        Comparison.span(run.workload().seconds()),
        from,
        Comparison.count(requests));
  }

  private static void figure(StringBuilder html, SvgChart chart) {
    html.append("<figure>\n<figcaption>")
        .append(escape(chart.title()))
        .append("</figcaption>\n")
        .append(chart.render())
        .append("</figure>\n");
  }

  /** The settings as a table of names and values. */
  static String settingsTable(Map<String, String> settings) {
    StringBuilder html = new StringBuilder("<table>\n");
    settings.forEach(
        (name, value) ->
            html.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
    return html.append("</table>\n").toString();
  }

  /** {@code text} safe inside an element or a quoted attribute. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
