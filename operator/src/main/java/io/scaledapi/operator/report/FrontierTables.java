package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * A sweep's results as tables, for stdout and the report alike: each policy's frontier, each
 * baseline against ours at equal cost, and ours with prediction on against off.
 */
public final class FrontierTables {

  static final String DEFAULT = "default";
  static final String DOMINATED = "default, beaten";

  private FrontierTables() {}

  /**
   * The frontier of {@code curve}, cheapest first; its default run too when another run beats it,
   * marked so.
   */
  public static TextTable frontier(FrontierCurve curve) {
    ParetoFrontier frontier = curve.frontier();
    List<FrontierPoint> shown = new ArrayList<>(frontier.points());
    curve.defaultPoint().filter(d -> !frontier.contains(d)).ifPresent(shown::add);
    shown.sort(Comparator.comparingDouble(FrontierPoint::replicaSeconds));
    List<List<String>> rows = new ArrayList<>();
    for (FrontierPoint p : shown) {
      String mark = !p.isDefault() ? "" : frontier.contains(p) ? DEFAULT : DOMINATED;
      rows.add(
          List.of(
              p.setting(), Comparison.count(p.replicaSeconds()), share(p.violatingShare()), mark));
    }
    return new TextTable(
        List.of(curve.knob(), "replica-seconds", "waited > SLO", "default?"), rows);
  }

  /** Ours' frontier at the cost of each baseline's default run. */
  public static TextTable atBaselineCost(List<EqualCost> readings) {
    List<List<String>> rows = new ArrayList<>();
    for (EqualCost r : readings) {
      rows.add(
          List.of(
              r.policy(),
              Comparison.count(r.reference().replicaSeconds()),
              share(r.reference().violatingShare()),
              r.oursShareAtCost().isPresent()
                  ? share(r.oursShareAtCost().getAsDouble())
                  : outside(Frontiers.OURS),
              ratio(r.shareRatio())));
    }
    return new TextTable(
        List.of(
            "baseline",
            "its default: replica-seconds",
            "its default: waited > SLO",
            "ours' frontier at that cost: waited > SLO",
            "baseline ÷ ours"),
        rows);
  }

  /**
   * Each baseline's frontier at ours' default share of requests that waited longer than the SLO.
   */
  public static TextTable atOursShare(List<EqualCost> readings) {
    List<List<String>> rows = new ArrayList<>();
    for (EqualCost r : readings) {
      rows.add(
          List.of(
              r.policy(),
              r.costAtOursShare().isPresent()
                  ? Comparison.count(r.costAtOursShare().getAsDouble())
                  : outside(r.policy()),
              Comparison.count(r.oursDefault().replicaSeconds()),
              ratio(r.costRatio())));
    }
    String share = readings.isEmpty() ? "" : share(readings.get(0).oursDefault().violatingShare());
    return new TextTable(
        List.of(
            "baseline",
            "its frontier at " + share + " waited > SLO: replica-seconds",
            "ours' default: replica-seconds",
            "baseline ÷ ours"),
        rows);
  }

  /** Ours' frontier against the reactive one at ours' default run. */
  public static TextTable prediction(PredictionGain gain) {
    FrontierPoint at = gain.oursDefault();
    return new TextTable(
        List.of(
            "at ours' default run",
            "prediction on (ours)",
            "prediction off (" + Frontiers.REACTIVE + ")",
            "off ÷ on"),
        List.of(
            List.of(
                "waited > SLO at " + Comparison.count(at.replicaSeconds()) + " replica-seconds",
                orOutside(gain.withPrediction(), Frontiers.OURS, FrontierTables::share),
                orOutside(gain.withoutPrediction(), Frontiers.REACTIVE, FrontierTables::share),
                ratio(gain.shareRatio())),
            List.of(
                "replica-seconds at " + share(at.violatingShare()) + " waited > SLO",
                Comparison.count(at.replicaSeconds()),
                orOutside(gain.reactiveCost(), Frontiers.REACTIVE, Comparison::count),
                ratio(gain.costRatio()))));
  }

  /** A policy of one run, such as the oracle, in a line. */
  public static String onePoint(FrontierCurve curve) {
    FrontierPoint p = curve.points().get(0);
    return String.format(
        Locale.ROOT,
        "%s (%s): %s replica-seconds, %s waited > SLO",
        curve.policy(),
        curve.knob(),
        Comparison.count(p.replicaSeconds()),
        share(p.violatingShare()));
  }

  /** Where {@code frontier} lies, for a reading that fell outside it. */
  public static String extent(String policy, ParetoFrontier frontier) {
    List<FrontierPoint> p = frontier.points();
    FrontierPoint first = p.get(0);
    FrontierPoint last = p.get(p.size() - 1);
    if (p.size() == 1) {
      return String.format(
          Locale.ROOT,
          "%s frontier is one point: %s replica-seconds, %s waited > SLO.",
          possessive(policy),
          Comparison.count(first.replicaSeconds()),
          share(first.violatingShare()));
    }
    return String.format(
        Locale.ROOT,
        "%s frontier spans %s to %s replica-seconds and %s to %s waited > SLO.",
        possessive(policy),
        Comparison.count(first.replicaSeconds()),
        Comparison.count(last.replicaSeconds()),
        share(first.violatingShare()),
        share(last.violatingShare()));
  }

  /**
   * The whole sweep as text: a frontier table per policy, the oracle's point, the equal-cost
   * readings and prediction on against off.
   */
  public static String render(Frontiers frontiers) {
    StringBuilder text = new StringBuilder();
    text.append(
        Prose.wrap(
            "Frontier of each policy: the settings of its knob that no other setting beats on"
                + " both replica-seconds and the share of requests that waited longer than the"
                + " SLO."));
    for (FrontierCurve curve : frontiers.curves()) {
      text.append('\n');
      if (curve.points().size() == 1) {
        text.append(onePoint(curve)).append('\n');
        continue;
      }
      text.append(curve.policy()).append('\n').append(frontier(curve).markdown());
    }
    List<EqualCost> readings = frontiers.readings();
    if (!readings.isEmpty()) {
      text.append('\n')
          .append(
              Prose.wrap(
                  "At equal cost: a policy that runs more replicas violates the SLO less, so"
                      + " each baseline's default is read against ours' frontier at the same"
                      + " cost, and ours' default against each baseline's frontier at the same"
                      + " share."))
          .append('\n')
          .append(atBaselineCost(readings).markdown())
          .append('\n')
          .append(atOursShare(readings).markdown());
      List<String> extents = extents(frontiers, readings);
      if (!extents.isEmpty()) {
        text.append('\n');
        extents.forEach(l -> text.append(l).append('\n'));
      }
    }
    frontiers
        .prediction()
        .ifPresent(
            gain ->
                text.append('\n')
                    .append("Prediction on against off, each on its own frontier.\n\n")
                    .append(prediction(gain).markdown()));
    return text.toString();
  }

  /** Where ours' and each baseline's frontiers lie, for each reading that fell outside one. */
  public static List<String> extents(Frontiers frontiers, List<EqualCost> readings) {
    List<String> lines = new ArrayList<>();
    if (readings.stream().anyMatch(r -> r.oursShareAtCost().isEmpty())) {
      lines.add(extent(Frontiers.OURS, frontiers.curve(Frontiers.OURS).orElseThrow().frontier()));
    }
    for (EqualCost r : readings) {
      if (r.costAtOursShare().isEmpty()) {
        lines.add(extent(r.policy(), frontiers.curve(r.policy()).orElseThrow().frontier()));
      }
    }
    return lines;
  }

  /**
   * A share as a percentage with three significant digits: {@code 0.141%}, {@code 12.3%}, {@code
   * 0.000450%}; {@code 0%} for none.
   */
  public static String share(double share) {
    if (!Double.isFinite(share)) {
      return "n/a";
    }
    double percent = 100 * share;
    if (percent == 0) {
      return "0%";
    }
    if (Math.abs(percent) < 0.5e-6) {
      return "< 0.000001%";
    }
    int decimals = Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(Math.abs(percent)))));
    return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
  }

  /** A ratio such as {@code 2.50x}; {@code n/a} when it is not known. */
  static String ratio(OptionalDouble ratio) {
    return ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : "n/a";
  }

  private static String outside(String policy) {
    return "outside " + possessive(policy) + " frontier";
  }

  private static String orOutside(
      OptionalDouble value, String policy, DoubleFunction<String> format) {
    return value.isPresent() ? format.apply(value.getAsDouble()) : outside(policy);
  }

  /** {@code ours'}, {@code hpa's}. */
  static String possessive(String name) {
    return name + (name.endsWith("s") ? "'" : "'s");
  }
}
