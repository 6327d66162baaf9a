package io.scaledapi.operator.report;

import java.util.List;
import java.util.Map;

/**
 * A sweep as one self-contained HTML page: the frontiers on one chart, what they say at equal cost,
 * each policy's frontier as a table, and the run's settings. All text is escaped.
 *
 * @param title the page's heading, e.g. "frontier: daily-spikes"
 * @param traffic what the traffic was, in a line
 * @param settings what the sweep was given, in reading order
 */
public record FrontierReport(
    String title, String traffic, Map<String, String> settings, Frontiers frontiers) {

  public String render() {
    StringBuilder html = HtmlPage.open(title);
    html.append(HtmlPage.paragraph(traffic));
    html.append(
        HtmlPage.paragraph(
            "Each policy ran the same traffic on the same modelled cluster once for every setting"
                + " of its knob. A policy that runs more replicas lets fewer requests wait longer"
                + " than the SLO, so one run says little on its own: what a policy offers is its"
                + " frontier, the settings that no other setting of it beats on both cost and SLO"
                + " violations. Lower and further left is better."));
    FrontierChart chart = new FrontierChart("frontiers", frontiers);
    html.append("<figure>\n<figcaption>")
        .append(HtmlReport.escape(chart.title()))
        .append("</figcaption>\n")
        .append(chart.render())
        .append("</figure>\n")
        .append(
            "<p class=\"note\">Lines join each policy's frontier; faint dots are settings another"
                + " setting of the same policy beats; a ring marks each policy's default; a"
                + " diamond is a policy with no knob, such as the oracle, which knows the future"
                + " and marks the floor. A share of zero sits on the bottom line. Hover over a"
                + " point for its setting.</p>\n");
    equalCost(html);
    html.append("<h2>Frontier of each policy</h2>\n");
    for (FrontierCurve curve : frontiers.curves()) {
      if (curve.points().size() == 1) {
        html.append(HtmlPage.paragraph(FrontierTables.onePoint(curve)));
        continue;
      }
      html.append("<h3>").append(HtmlReport.escape(curve.policy())).append("</h3>\n");
      html.append(FrontierTables.frontier(curve).html());
    }
    html.append("<h2>Settings</h2>\n").append(HtmlReport.settingsTable(settings));
    return html.append(HtmlPage.close()).toString();
  }

  private void equalCost(StringBuilder html) {
    List<EqualCost> readings = frontiers.readings();
    if (!readings.isEmpty()) {
      html.append("<h2>Each baseline against ours at equal cost</h2>\n")
          .append(
              HtmlPage.paragraph(
                  "At each baseline's default cost, the share of requests that waited longer"
                      + " than the SLO under the baseline's default and on ours' frontier, read"
                      + " between its points; the ratio says how many times as many requests"
                      + " the baseline lets wait too long for the same replica-seconds."))
          .append(FrontierTables.atBaselineCost(readings).html())
          .append(
              HtmlPage.paragraph(
                  "At ours' default share of requests that waited longer than the SLO, the"
                      + " replica-seconds each baseline's frontier needs; the ratio says how many"
                      + " times ours' cost the baseline pays to do as well."))
          .append(FrontierTables.atOursShare(readings).html());
      for (String line : FrontierTables.extents(frontiers, readings)) {
        html.append("<p class=\"note\">").append(HtmlReport.escape(line)).append("</p>\n");
      }
    }
    frontiers
        .prediction()
        .ifPresent(
            gain ->
                html.append("<h2>Prediction on against off</h2>\n")
                    .append(
                        HtmlPage.paragraph(
                            "Ours with prediction (its frontier over utilization and"
                                + " confidence) against ours reacting to the queue alone (its"
                                + " frontier over utilization), at ours' default run."))
                    .append(FrontierTables.prediction(gain).html()));
  }
}
