package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Series;
import io.scaledapi.operator.sim.SimulationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison as one self-contained HTML page: the results table, the run's settings, and an
 * inline SVG chart per series (the traffic; the replicas of each policy; the queue wait of each
 * policy, with the SLO). No scripts and nothing loaded from elsewhere; all text is escaped.
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

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#1b1f24}
      table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
      th,td{border:1px solid #d0d7de;padding:.25rem .5rem}
      td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      th{background:#f6f8fa;text-align:left}
      figure{margin:1.5rem 0}
      figcaption{font-weight:600}
      .chart{width:100%;height:auto}
      .chart .line{fill:none;stroke:#0969da;stroke-width:1.5}
      .chart .guide{fill:none;stroke:#8c959f;stroke-width:1;stroke-dasharray:4 3}
      .chart .slo{stroke:#cf222e;stroke-width:1.2;stroke-dasharray:6 3}
      .chart .slo-label{fill:#cf222e;font-size:12px}
      .chart .grid{stroke:#eaeef2}
      .chart .tick{fill:#57606a;font-size:12px}
      """;

  public String render() {
    List<PolicyResult> results = run.results();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>")
        .append(escape(title))
        .append("</h1>\n")
        .append("<p>")
        .append(escape(summary()))
        .append("</p>\n");
    html.append("<h2>Results</h2>\n")
        .append(resultsTable())
        .append("<p>Waited &gt; SLO counts dropped requests too. Against the oracle, the")
        .append(" fewest replicas that meet the SLO, requested one start-up ahead: replica-seconds")
        .append(" as a ratio, the share that waited longer than the SLO as a difference in")
        .append(" percentage points (pp).</p>\n");
    if (comparison.hpaAndKedaCoincide()) {
      html.append("<p>").append(escape(Comparison.HPA_KEDA_NOTE)).append("</p>\n");
    }
    html.append("<h2>Settings</h2>\n<table>\n");
    settings.forEach(
        (name, value) ->
            html.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
    html.append("</table>\n");
    charts(html, results);
    return html.append("</body>\n</html>\n").toString();
  }

  private void charts(StringBuilder html, List<PolicyResult> results) {
    Series traffic = results.get(0).series();
    html.append("<h2>Traffic</h2>\n")
        .append("<p>Time on every chart counts from ")
        .append(escape(from))
        .append(".</p>\n");
    figure(
        html,
        new SvgChart(
            "traffic",
            "Traffic: arrival rate",
            "req/s",
            traffic.stepSeconds(),
            ChartAxis.linear(ChartAxis.max(traffic.arrivalRate())),
            new SvgChart.Line(
                traffic.arrivalRate(),
                "requests per second, mean over " + traffic.stepSeconds() + " s"),
            Optional.empty(),
            Optional.empty()));
    double capacity = run.cluster().capacityPerReplica();
    double[] needed = traffic.arrivalRate().clone();
    for (int k = 0; k < needed.length; k++) {
      needed[k] /= capacity;
    }
    double mostReplicas = ChartAxis.max(needed);
    double longestWait = 0;
    for (PolicyResult r : results) {
      mostReplicas = Math.max(mostReplicas, ChartAxis.max(r.series().replicas()));
      longestWait = Math.max(longestWait, ChartAxis.max(r.series().queueWait()));
    }
    // one scale for all policies, so that their charts compare at a glance
    ChartAxis replicaAxis = ChartAxis.linear(mostReplicas);
    double slo = run.cluster().slo().toMillis() / 1000.0;
    ChartAxis waitAxis = ChartAxis.log(slo / 10, Math.max(longestWait, slo));
    SvgChart.Line neededLine =
        new SvgChart.Line(
            needed, "traffic / capacity (" + Comparison.number(capacity) + " req/s each)");
    html.append("<h2>Replicas</h2>\n");
    for (int i = 0; i < results.size(); i++) {
      Series s = results.get(i).series();
      figure(
          html,
          new SvgChart(
              "replicas-" + i,
              "Replicas: " + results.get(i).policy(),
              "replicas",
              s.stepSeconds(),
              replicaAxis,
              new SvgChart.Line(s.replicas(), "running or starting"),
              Optional.of(neededLine),
              Optional.empty()));
    }
    html.append("<h2>Queue wait</h2>\n");
    SvgChart.Threshold sloLine =
        new SvgChart.Threshold(slo, "SLO " + Comparison.duration(run.cluster().slo()));
    for (int i = 0; i < results.size(); i++) {
      Series s = results.get(i).series();
      figure(
          html,
          new SvgChart(
              "wait-" + i,
              "Queue wait: " + results.get(i).policy(),
              "seconds",
              s.stepSeconds(),
              waitAxis,
              new SvgChart.Line(s.queueWait(), "longest wait of a request served in the step"),
              Optional.empty(),
              Optional.of(sloLine)));
    }
  }

  private String summary() {
    double requests = run.results().get(0).arrived();
    return "Workload "
        + run.workload().name()
        + ": "
        + Comparison.span(run.workload().seconds())
        + " from "
        + from
        + ", "
        + Comparison.count(requests)
        + " requests. Every policy met the same traffic on the same modelled cluster.";
  }

  private String resultsTable() {
    StringBuilder table = new StringBuilder("<table>\n<thead><tr>");
    Comparison.HEADERS.forEach(h -> table.append("<th>").append(escape(h)).append("</th>"));
    table.append("</tr></thead>\n<tbody>\n");
    for (Comparison.Row row : comparison.rows()) {
      List<String> cells = row.cells();
      table.append("<tr><th>").append(escape(cells.get(0))).append("</th>");
      cells
          .subList(1, cells.size())
          .forEach(c -> table.append("<td class=\"num\">").append(escape(c)).append("</td>"));
      table.append("</tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
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
