package io.scaledapi.operator.report;

import java.util.Locale;
import java.util.Optional;

/**
 * One inline SVG line chart over time: a series, optionally a dashed guide series and a horizontal
 * threshold (an SLO), with a time axis from the run's start. Pure string building; styling comes
 * from the page's CSS classes {@code line}, {@code guide}, {@code slo}, {@code grid} and {@code
 * tick}.
 *
 * @param id unique within the page
 * @param unit what the values are, written above the value axis
 * @param stepSeconds the seconds each value covers
 */
record SvgChart(
    String id,
    String title,
    String unit,
    long stepSeconds,
    ChartAxis axis,
    Line line,
    Optional<Line> guide,
    Optional<Threshold> threshold) {

  /** A series to draw and its legend text. */
  record Line(double[] values, String label) {}

  /** A horizontal line at {@code value} and its label. */
  record Threshold(double value, String label) {}

  private static final int WIDTH = 960;
  private static final int HEIGHT = 250;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 30;
  private static final int DAY = 86_400;
  private static final long[] TIME_TICKS = {
    60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, DAY, 2 * DAY, 7 * DAY, 14 * DAY
  };

  String render() {
    long span = Math.max(1, line.values().length * stepSeconds);
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-labelledby=\"%s-title\">\n<title id=\"%s-title\">%s</title>\n",
            WIDTH, HEIGHT, id, id, HtmlReport.escape(title)));
    valueAxis(svg);
    timeAxis(svg, span);
    guide.ifPresent(g -> path(svg, "guide", g.values(), span));
    path(svg, "line", line.values(), span);
    threshold.ifPresent(t -> thresholdLine(svg, t));
    legend(svg);
    return svg.append("</svg>\n").toString();
  }

  private void valueAxis(StringBuilder svg) {
    for (double tick : axis.ticks()) {
      double y = y(tick);
      svg.append(
          f(
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              LEFT, y, WIDTH - RIGHT, y));
      svg.append(
          f(
              "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT - 6, y + 4, tickLabel(tick)));
    }
    String scale = axis.isLog() ? " (log scale)" : "";
    svg.append(
        f(
            "<text class=\"tick\" x=\"4\" y=\"%d\">%s</text>\n",
            TOP - 10, HtmlReport.escape(unit + scale)));
  }

  private String tickLabel(double tick) {
    // on a log scale the bottom line also holds every smaller value, zero included
    return (axis.isLog() && tick == axis.floor() ? "≤ " : "") + Comparison.number(tick);
  }

  private static void timeAxis(StringBuilder svg, long span) {
    long tick = TIME_TICKS[TIME_TICKS.length - 1];
    for (long candidate : TIME_TICKS) {
      if (span / candidate <= 10) {
        tick = candidate;
        break;
      }
    }
    for (long t = 0; t <= span; t += tick) {
      svg.append(
          f(
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x(t, span), HEIGHT - 10, elapsed(t)));
    }
  }

  private void path(StringBuilder svg, String cssClass, double[] values, long span) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M').append(f("%.1f %.1f", x(i * stepSeconds, span), y(values[i])));
      pen = true;
    }
    if (d.length() > 0) {
      svg.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\"/>\n");
    }
  }

  private void thresholdLine(StringBuilder svg, Threshold t) {
    double y = y(t.value());
    svg.append(
        f(
            "<line class=\"slo\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
            LEFT, y, WIDTH - RIGHT, y));
    svg.append(
        f(
            "<text class=\"slo-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
            WIDTH - RIGHT - 4, y - 4, HtmlReport.escape(t.label())));
  }

  private void legend(StringBuilder svg) {
    legendEntry(svg, "line", LEFT + 150, line.label());
    guide.ifPresent(g -> legendEntry(svg, "guide", LEFT + 510, g.label()));
  }

  private static void legendEntry(StringBuilder svg, String cssClass, int x, String label) {
    svg.append(
        f(
            "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            cssClass, x, TOP - 14, x + 24, TOP - 14));
    svg.append(
        f(
            "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>\n",
            x + 30, TOP - 10, HtmlReport.escape(label)));
  }

  /** Seconds since the start as {@code 0}, {@code 45m}, {@code 6h}, {@code 1d12h}. */
  static String elapsed(long seconds) {
    if (seconds == 0) {
      return "0";
    }
    StringBuilder text = new StringBuilder();
    long[] parts = {seconds / DAY, seconds % DAY / 3600, seconds % 3600 / 60, seconds % 60};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] != 0) {
        text.append(parts[i]).append(units[i]);
      }
    }
    return text.toString();
  }

  private static double x(long seconds, long span) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (double) seconds / span;
  }

  private double y(double value) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - axis.fraction(value));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
