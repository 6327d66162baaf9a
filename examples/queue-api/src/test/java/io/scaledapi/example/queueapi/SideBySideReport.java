package io.scaledapi.example.queueapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A side-by-side run as Markdown (the real rows next to the simulator's, with the simulator's
 * figures brought to the run's compressed time) and as an SVG chart of ready replicas and mean
 * queue wait over time, the three autoscalers overlaid.
 */
final class SideBySideReport {
  private static final Map<String, String> COLOURS =
      Map.of(Contenders.HPA, "#1f77b4", Contenders.KEDA, "#d62728", Contenders.OURS, "#2ca02c");

  private SideBySideReport() {}

  static String markdown(SideBySide.Result r) {
    int f = r.scale().factor();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Scenario `%s`: %s; %,d requests per lane; compression factor %d (%s of real time);"
                + " run took %.1f min.%n%n",
            r.scenario().name(),
            r.scenario().description(),
            r.scenario().total(),
            f,
            f == 1 ? "all" : "1/" + f,
            r.wallTime().toSeconds() / 60.0));
    md.append(
        "| autoscaler | source | served | waited > SLO | wait p99 | replica-s (ready) |"
            + " replica-s (existing) | scale actions | peak replicas |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String name : Contenders.NAMES) {
      SideBySide.Measured m = r.measured().get(name);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | real | %,d | %.1f%% | %s | %,.0f | %,.0f | %d | %d |%n",
              label(name),
              m.served(),
              100 * m.overSloShare(),
              seconds(m.waitP99().toMillis() / 1000.0),
              m.readySeconds(),
              m.existingSeconds(),
              m.scaleActions(),
              m.peakReplicas()));
      SimulatorRun.Row s = r.simulated().get(name);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | simulated | %,d | %.1f%% | %s | | %,.0f | %d | |%n",
              label(name),
              s.served() / f,
              100 * s.overSloShare(),
              seconds(s.waitP99().toMillis() / 1000.0 / f),
              s.replicaSeconds() / f,
              s.scaleActions()));
    }
    md.append("\nRescale events, in seconds from the start of the load:\n\n```\n");
    r.scaleEvents().forEach(line -> md.append(line).append('\n'));
    return md.append("```\n").toString();
  }

  static String label(String name) {
    return switch (name) {
      case Contenders.HPA -> "HPA";
      case Contenders.KEDA -> "KEDA";
      default -> "ours";
    };
  }

  private static String seconds(double s) {
    return s < 1
        ? String.format(Locale.ROOT, "%.0f ms", s * 1000)
        : String.format(Locale.ROOT, "%.1f s", s);
  }

  /** Two panels sharing the time axis: ready replicas, and mean queue wait, per autoscaler. */
  static String svg(SideBySide.Result r) {
    int width = 900;
    int panel = 220;
    int left = 60;
    int top = 30;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            2 * panel + 3 * top + 20));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\">%s (compression %d): ready replicas (top), mean queue wait"
                + " in s (bottom), against seconds into the run</text>%n",
            left,
            r.scenario().name(),
            r.scale().factor()));
    double end =
        r.timelines().values().stream()
            .flatMap(t -> t.points().stream())
            .mapToDouble(Timeline.Point::seconds)
            .max()
            .orElse(1);
    plot(svg, r, Timeline.Point::ready, "ready replicas", left, top, width - left - 20, panel, end);
    plot(
        svg,
        r,
        Timeline.Point::meanWait,
        "mean queue wait (s)",
        left,
        2 * top + panel,
        width - left - 20,
        panel,
        end);
    int x = left;
    for (String name : Contenders.NAMES) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
              x,
              2 * panel + 3 * top + 10,
              COLOURS.get(name),
              label(name)));
      x += 150;
    }
    return svg.append("</svg>\n").toString();
  }

  private static void plot(
      StringBuilder svg,
      SideBySide.Result r,
      ToDoubleFunction<Timeline.Point> value,
      String title,
      int x0,
      int y0,
      int w,
      int h,
      double end) {
    double max = 1;
    for (Timeline t : r.timelines().values()) {
      for (Timeline.Point p : t.points()) {
        max = Math.max(max, value.applyAsDouble(p));
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.4g</text>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f s</text>%n",
            x0,
            y0,
            w,
            h,
            x0 - 4,
            y0 + 10,
            max,
            x0 - 4,
            y0 + h,
            x0 + 6,
            y0 + 14,
            title,
            x0 + w,
            y0 + h + 14,
            end));
    for (String name : Contenders.NAMES) {
      List<String> xy = new ArrayList<>();
      for (Timeline.Point p : r.timelines().get(name).points()) {
        xy.add(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f",
                x0 + w * p.seconds() / end,
                y0 + h - h * value.applyAsDouble(p) / max));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
              COLOURS.get(name),
              String.join(" ", xy)));
    }
  }
}
