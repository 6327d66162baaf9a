package io.scaledapi.operator.report;

import java.util.List;
import java.util.Locale;

/**
 * The frontiers of a sweep on one inline SVG chart: replica-seconds across, the share of requests
 * that waited longer than the SLO up a log scale, so that lower and further left is better. Each
 * policy in its colour: its frontier as a line through its points, the settings it beats as faint
 * dots, its default ringed; a policy of one point, such as the oracle, is a diamond. Each point
 * names itself on hover. The share axis spans the decades the curves use; a point below them sits
 * on its bottom line, marked as holding every smaller share.
 */
record FrontierChart(String id, Frontiers frontiers) {

  private static final int WIDTH = 960;
  private static final int HEIGHT = 440;
  private static final int LEFT = 84;
  private static final int RIGHT = 16;
  private static final int TOP = 56;
  private static final int BOTTOM = 46;

  String title() {
    return "Cost against SLO violations, every setting of every policy";
  }

  String render() {
    ChartAxis x = costAxis();
    ChartAxis y = shareAxis();
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-labelledby=\"%s-title\">\n<title id=\"%s-title\">%s</title>\n",
            WIDTH, HEIGHT, id, id, HtmlReport.escape(title())));
    axes(svg, x, y);
    List<FrontierCurve> curves = frontiers.curves();
    // the first policy, ours, is drawn last, on top; the others in order, so that a dashed line
    // lies over the solid one it may coincide with
    for (int i = 1; i <= curves.size(); i++) {
      curve(svg, curves.get(i % curves.size()), x, y);
    }
    for (int i = 0; i < curves.size(); i++) {
      legend(svg, curves.get(i), i);
    }
    return svg.append("</svg>\n").toString();
  }

  private void curve(StringBuilder svg, FrontierCurve curve, ChartAxis x, ChartAxis y) {
    String colour = Palette.of(curve.policy());
    ParetoFrontier frontier = curve.frontier();
    if (curve.points().size() == 1) {
      FrontierPoint p = curve.points().get(0);
      double cx = px(x, p.replicaSeconds());
      double cy = py(y, percent(p));
      svg.append(
          f(
              "<path class=\"point %s\" d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\">",
              colour, cx, cy - 7, cx + 7, cy, cx, cy + 7, cx - 7, cy));
      svg.append(tooltip(curve, p)).append("</path>\n");
      return;
    }
    StringBuilder d = new StringBuilder();
    for (FrontierPoint p : frontier.points()) {
      d.append(d.length() == 0 ? 'M' : 'L')
          .append(f("%.1f %.1f", px(x, p.replicaSeconds()), py(y, percent(p))));
    }
    svg.append(f("<path class=\"line %s\" d=\"%s\"/>\n", colour, d));
    for (FrontierPoint p : curve.points()) {
      String kind = frontier.contains(p) ? "point" : "beaten";
      double r = frontier.contains(p) ? 3.5 : 3;
      svg.append(
          f(
              "<circle class=\"%s %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\">",
              kind, colour, px(x, p.replicaSeconds()), py(y, percent(p)), r));
      svg.append(tooltip(curve, p)).append("</circle>\n");
    }
    curve
        .defaultPoint()
        .ifPresent(
            p ->
                svg.append(
                    f(
                        "<circle class=\"default %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"8\"/>\n",
                        colour, px(x, p.replicaSeconds()), py(y, percent(p)))));
  }

  private static String tooltip(FrontierCurve curve, FrontierPoint p) {
    String text =
        curve.policy()
            + (curve.points().size() == 1 ? "" : " " + p.setting())
            + (p.isDefault() && curve.points().size() > 1 ? " (default)" : "")
            + ": "
            + Comparison.count(p.replicaSeconds())
            + " replica-seconds, "
            + FrontierTables.share(p.violatingShare())
            + " waited > SLO";
    return "<title>" + HtmlReport.escape(text) + "</title>";
  }

  private void axes(StringBuilder svg, ChartAxis x, ChartAxis y) {
    for (double tick : y.ticks()) {
      double at = py(y, tick);
      svg.append(
          f(
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              LEFT, at, WIDTH - RIGHT, at));
      svg.append(
          f(
              "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%%</text>\n",
              LEFT - 6, at + 4, HtmlReport.escape(y.label(tick))));
    }
    for (double tick : x.ticks()) {
      double at = px(x, tick);
      svg.append(
          f(
              "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
              at, TOP, at, HEIGHT - BOTTOM));
      svg.append(
          f(
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              at, HEIGHT - BOTTOM + 16, HtmlReport.escape(x.label(tick))));
    }
    svg.append(
        f(
            "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">replica-seconds"
                + " (cost)</text>\n",
            (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8));
    svg.append(
        f(
            "<text class=\"tick\" x=\"4\" y=\"%d\">requests that waited longer than the SLO (log"
                + " scale)</text>\n",
            TOP - 40));
  }

  private static void legend(StringBuilder svg, FrontierCurve curve, int entry) {
    int x = LEFT + 8 + 120 * entry;
    int y = TOP - 16;
    svg.append(
        f(
            "<circle class=\"point %s\" cx=\"%d\" cy=\"%d\" r=\"4\"/>",
            Palette.of(curve.policy()), x, y - 4));
    svg.append(
        f(
            "<text class=\"label %s\" x=\"%d\" y=\"%d\">%s</text>\n",
            Palette.of(curve.policy()), x + 8, y, HtmlReport.escape(curve.policy())));
  }

  private ChartAxis costAxis() {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (FrontierPoint p : points()) {
      min = Math.min(min, p.replicaSeconds());
      max = Math.max(max, p.replicaSeconds());
    }
    return ChartAxis.fitted(min, max);
  }

  /**
   * A log axis fitted to the curves' shares: a policy of one point far below them, such as the
   * oracle, sits on the bottom line rather than stretching the axis over decades no curve uses.
   */
  private ChartAxis shareAxis() {
    List<FrontierPoint> curves =
        frontiers.curves().stream()
            .filter(c -> c.points().size() > 1)
            .flatMap(c -> c.points().stream())
            .toList();
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (FrontierPoint p : curves.isEmpty() ? points() : curves) {
      double v = percent(p);
      if (v > 0 && Double.isFinite(v)) {
        lowest = Math.min(lowest, v);
      }
    }
    for (FrontierPoint p : points()) {
      highest = Math.max(highest, percent(p));
    }
    if (!Double.isFinite(lowest)) {
      lowest = highest > 0 ? highest : 0.001;
    }
    return ChartAxis.log(lowest, Math.max(highest, lowest));
  }

  private List<FrontierPoint> points() {
    return frontiers.curves().stream()
        .flatMap(c -> c.points().stream())
        .filter(p -> Double.isFinite(p.replicaSeconds()) && Double.isFinite(p.violatingShare()))
        .toList();
  }

  private static double percent(FrontierPoint p) {
    return 100 * p.violatingShare();
  }

  private static double px(ChartAxis x, double value) {
    return LEFT + (WIDTH - LEFT - RIGHT) * x.fraction(value);
  }

  private static double py(ChartAxis y, double value) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - y.fraction(value));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
