package io.scaledapi.operator.report;

import io.scaledapi.operator.evaluation.HorizonResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The walk-forward results as a markdown table: forecasters in rows, horizons in columns. */
public final class AccuracyTable {

  public static final String OURS = "ours: the standard forecaster, default settings";
  public static final String LAST = "naive: last value";
  public static final String YESTERDAY = "naive: same time yesterday";
  public static final String HINDSIGHT =
      "hindsight least squares (peeks: a ceiling, not a forecaster)";
  public static final String OURS_GAIN = "**ours: sMAPE reduction vs the better naive**";
  static final String HINDSIGHT_GAIN = "hindsight: sMAPE reduction vs the better naive";
  public static final String BETTER_NAIVE = "the better naive";
  public static final String COVERAGE = "ours: actuals inside the band";

  private AccuracyTable() {}

  /** The table; {@code confidence} names the band that coverage was measured for. */
  public static String render(List<HorizonResult> results, double confidence) {
    StringBuilder table = new StringBuilder("| sMAPE |");
    StringBuilder rule = new StringBuilder("|---|");
    for (HorizonResult r : results) {
      table.append(' ').append(horizon(r.horizonSeconds())).append(" |");
      rule.append("---:|");
    }
    table.append('\n').append(rule).append('\n');
    row(table, OURS, results, r -> percent(r.ours()));
    row(table, LAST, results, r -> percent(r.lastValue()));
    row(table, YESTERDAY, results, r -> percent(r.yesterday()));
    row(table, HINDSIGHT, results, r -> percent(r.hindsight()));
    row(table, OURS_GAIN, results, r -> percent(r.reduction(r.ours())));
    row(table, HINDSIGHT_GAIN, results, r -> percent(r.reduction(r.hindsight())));
    row(table, BETTER_NAIVE, results, HorizonResult::betterNaiveName);
    String band =
        String.format(
            Locale.ROOT,
            "%s (%.0fth to %.0fth percentile)",
            COVERAGE,
            100 * (1 - confidence),
            100 * confidence);
    row(table, band, results, r -> percent(r.coverage()));
    return table.toString();
  }

  /** A horizon such as "60 s". */
  public static String horizon(long seconds) {
    return seconds + " s";
  }

  private static void row(
      StringBuilder table,
      String name,
      List<HorizonResult> results,
      Function<HorizonResult, String> cell) {
    table.append("| ").append(name).append(" |");
    for (HorizonResult r : results) {
      table.append(' ').append(cell.apply(r)).append(" |");
    }
    table.append('\n');
  }

  private static String percent(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value) : "n/a";
  }
}
