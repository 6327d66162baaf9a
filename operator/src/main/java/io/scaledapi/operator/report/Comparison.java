package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.SimulationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The results of a run side by side, each policy against the oracle: the columns of the table on
 * stdout and in the report, formatted once for both.
 *
 * @param rows one per policy, in the order they ran
 */
public record Comparison(List<Row> rows) {

  // the policy the comparison singles out, by the name the cli's PolicyCatalog gives it
  private static final String ORACLE = "oracle";

  static final List<String> HEADERS =
      List.of(
          "policy",
          "served",
          "dropped",
          "waited > SLO",
          "wait p50",
          "wait p99",
          "wait max",
          "replica-seconds",
          "scale actions",
          "replica-s vs oracle",
          "waited > SLO vs oracle");

  /**
   * One policy's result.
   *
   * @param costRatio its replica-seconds divided by the oracle's; empty without an oracle
   * @param excessViolating its share of requests waiting longer than the SLO minus the oracle's, in
   *     percentage points; empty without an oracle
   */
  record Row(PolicyResult result, OptionalDouble costRatio, OptionalDouble excessViolating) {

    /** The row's cells, under {@link #HEADERS}. */
    List<String> cells() {
      PolicyResult r = result;
      return List.of(
          r.policy(),
          count(r.served()),
          count(r.dropped()),
          String.format(Locale.ROOT, "%.3f%%", 100 * r.violatingShare()),
          waitTime(r.waitP50()),
          waitTime(r.waitP99()),
          waitTime(r.waitMax()),
          count(r.replicaSeconds()),
          String.format(Locale.ROOT, "%,d", r.scaleActions()),
          costRatio.isPresent()
              ? String.format(Locale.ROOT, "%.2fx", costRatio.getAsDouble())
              : "n/a",
          excessViolating.isPresent()
              ? String.format(Locale.ROOT, "%+.3f pp", excessViolating.getAsDouble())
              : "n/a");
    }
  }

  /**
   * Compares the results of {@code run}; {@code policies} are the catalog names of the policies in
   * the order they ran, which says which result is the oracle's.
   */
  public static Comparison of(SimulationResult run, List<String> policies) {
    List<PolicyResult> results = run.results();
    if (results.size() != policies.size()) {
      throw new IllegalStateException(
          policies.size() + " policies ran but " + results.size() + " results came back");
    }
    int oracleAt = policies.indexOf(ORACLE);
    PolicyResult oracle = oracleAt < 0 ? null : results.get(oracleAt);
    List<Row> rows = new ArrayList<>();
    for (PolicyResult r : results) {
      OptionalDouble cost = OptionalDouble.empty();
      OptionalDouble excess = OptionalDouble.empty();
      if (oracle != null) {
        if (oracle.replicaSeconds() > 0) {
          cost = OptionalDouble.of(r.replicaSeconds() / oracle.replicaSeconds());
        }
        excess = OptionalDouble.of(100 * (r.violatingShare() - oracle.violatingShare()));
      }
      rows.add(new Row(r, cost, excess));
    }
    return new Comparison(List.copyOf(rows));
  }

  /** A count of requests or replica-seconds, rounded, with thousands separators. */
  public static String count(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
  }

  /** A queue wait in seconds: {@code 120 ms}, {@code 3.40 s}, {@code 95 s}. */
  static String waitTime(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "n/a";
    }
    if (seconds < 1) {
      return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
    return seconds < 60
        ? String.format(Locale.ROOT, "%.2f s", seconds)
        : String.format(Locale.ROOT, "%.0f s", seconds);
  }

  /** A length of time in words: {@code 7 days}, {@code 1 day 12 hours}, {@code 1 hour 30 min}. */
  public static String span(long seconds) {
    long[] parts = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
    String[] units = {" day", " hour", " min", " s"};
    List<String> words = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] != 0) {
        boolean plural = parts[i] != 1 && i < 2;
        words.add(parts[i] + units[i] + (plural ? "s" : ""));
      }
    }
    return words.isEmpty() ? "0 s" : String.join(" ", words);
  }

  /** A plain number without needless decimals: {@code 50}, {@code 12.5}. */
  public static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
  }

  /**
   * A duration for messages and the report, as the options take it: {@code 250ms}, {@code 15s},
   * {@code 1m30s}, {@code 7d}.
   */
  public static String duration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = d.toDays();
    append(text, days, "d");
    append(text, d.toHoursPart(), "h");
    append(text, d.toMinutesPart(), "m");
    append(text, d.toSecondsPart(), "s");
    append(text, d.toMillisPart(), "ms");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }
}
