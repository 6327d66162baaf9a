package io.scaledapi.operator.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One inline SVG chart over time: one or more series overlaid, each in its policy's colour, an
 * optional dashed guide series and a horizontal threshold (an SLO), over points {@code [from, to)}
 * of the run. A series is drawn as its {@linkplain Envelope envelope}: where several points share a
 * pixel column the band from their least to their most, so that a spike is never averaged away.
 * Pure string building; styling comes from the page's CSS.
 *
 * @param id unique within the page
 * @param unit what the values are, written above the value axis
 * @param stepSeconds the seconds each point covers
 * @param from the first point drawn
 * @param to the point after the last one drawn
 * @param windows stretches to shade, each with a label, such as the episodes zoomed in on below
 */
record SvgChart(
    String id,
    String title,
    String unit,
    long stepSeconds,
    int from,
    int to,
    ChartAxis axis,
    List<Line> lines,
    Optional<Line> guide,
    Optional<Threshold> threshold,
    List<Window> windows) {

  /** A series to draw, its legend text and its CSS colour class ({@link Palette}). */
  record Line(double[] values, String label, String colour) {}

  /** A horizontal line at {@code value} and its label. */
  record Threshold(double value, String label) {}

  /** Points {@code [from, to)} shaded and labelled. */
  record Window(int from, int to, String label) {}

  static final int WIDTH = 960;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 40;
  private static final int BOTTOM = 30;

  /** The pixel columns of the plot. */
  static final int COLUMNS = WIDTH - LEFT - RIGHT;

  private static final int DAY = 86_400;
  private static final long[] TIME_TICKS = {
    10, 30, 60, 300, 600, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, DAY, 2 * DAY, 7 * DAY,
    14 * DAY
  };

  /** A chart of the whole run: every point. */
  static SvgChart whole(
      String id,
      String title,
      String unit,
      long stepSeconds,
      int points,
      ChartAxis axis,
      List<Line> lines,
      Optional<Line> guide,
      Optional<Threshold> threshold,
      List<Window> windows) {
    return new SvgChart(
        id, title, unit, stepSeconds, 0, points, axis, lines, guide, threshold, windows);
  }

  String render() {
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-labelledby=\"%s-title\">\n<title id=\"%s-title\">%s</title>\n",
            WIDTH, HEIGHT, id, id, HtmlReport.escape(title)));
    windows.forEach(w -> window(svg, w));
    valueAxis(svg);
    timeAxis(svg);
    guide.ifPresent(g -> envelope(svg, "guide", g.values()));
    // the first series, ours, is drawn last, on top; the others in order, so that a dashed
    // outline lies over the solid one it may coincide with
    for (int i = 1; i <= lines.size(); i++) {
      Line line = lines.get(i % lines.size());
      envelope(svg, "band " + line.colour(), line.values());
    }
    threshold.ifPresent(t -> thresholdLine(svg, t));
    legend(svg);
    return svg.append("</svg>\n").toString();
  }

  private void window(StringBuilder svg, Window w) {
    double x1 = x(Math.max(w.from(), from));
    double x2 = x(Math.min(w.to(), to));
    if (x2 <= x1) {
      return;
    }
    svg.append(
        f(
            "<rect class=\"window\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
            x1, TOP, x2 - x1, HEIGHT - TOP - BOTTOM));
    svg.append(
        f(
            "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
            (x1 + x2) / 2, TOP + 12, HtmlReport.escape(w.label())));
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
              LEFT - 6, y + 4, HtmlReport.escape(axis.label(tick))));
    }
    String scale = axis.isLog() ? " (log scale)" : "";
    svg.append(
        f(
            "<text class=\"tick\" x=\"4\" y=\"%d\">%s</text>\n",
            TOP - 26, HtmlReport.escape(unit + scale)));
  }

  private void timeAxis(StringBuilder svg) {
    long start = from * stepSeconds;
    long end = to * stepSeconds;
    long span = Math.max(1, end - start);
    long tick = TIME_TICKS[TIME_TICKS.length - 1];
    for (long candidate : TIME_TICKS) {
      if (span / candidate <= 8) {
        tick = candidate;
        break;
      }
    }
    for (long t = (start + tick - 1) / tick * tick; t <= end; t += tick) {
      svg.append(
          f(
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              LEFT + COLUMNS * (double) (t - start) / span, HEIGHT - 10, elapsed(t)));
    }
  }

  /** The envelope of {@code values} as closed paths: along the most, back along the least. */
  private void envelope(StringBuilder svg, String cssClass, double[] values) {
    StringBuilder d = new StringBuilder();
    for (List<Envelope.Column> run : Envelope.of(values, from, to, COLUMNS)) {
      for (int i = 0; i < run.size(); i++) {
        Envelope.Column c = run.get(i);
        d.append(i == 0 ? 'M' : 'L').append(f("%.1f %.1f", px(c.at()), y(c.max())));
      }
      for (int i = run.size() - 1; i >= 0; i--) {
        Envelope.Column c = run.get(i);
        d.append('L').append(f("%.1f %.1f", px(c.at()), y(c.min())));
      }
      d.append('Z');
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
    int x = LEFT;
    for (Line line : lines) {
      x = legendEntry(svg, "band " + line.colour(), x, line.label());
    }
    if (guide.isPresent()) {
      legendEntry(svg, "guide", x, guide.get().label());
    }
  }

  /** An entry at {@code x}; where the next one starts. */
  private static int legendEntry(StringBuilder svg, String cssClass, int x, String label) {
    int y = TOP - 12;
    svg.append(
        f(
            "<path class=\"%s\" d=\"M%d %dL%d %dL%d %dL%d %dZ\"/>",
            cssClass, x, y - 7, x + 18, y - 7, x + 18, y - 1, x, y - 1));
    svg.append(
        f(
            "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>\n",
            x + 24, y, HtmlReport.escape(label)));
    return x + 24 + 7 * label.length() + 18;
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

  /** Where point {@code i} starts across the chart. */
  private double x(int i) {
    return px((double) (i - from) / Math.max(1, to - from));
  }

  private static double px(double fraction) {
    return LEFT + COLUMNS * fraction;
  }

  private double y(double value) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - axis.fraction(value));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
