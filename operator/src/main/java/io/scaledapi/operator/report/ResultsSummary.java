package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.PolicyResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The results table in plain words, for a reader with a minute: who let the fewest requests wait
 * longer than the SLO, who cost the least, and why the two must be read together.
 */
public final class ResultsSummary {

  private static final String ORACLE = "oracle";

  private ResultsSummary() {}

  /** The summary of {@code comparison}, whose SLO is {@code slo}; empty when nothing ran. */
  public static String of(Comparison comparison, Duration slo) {
    List<PolicyResult> all = comparison.rows().stream().map(Comparison.Row::result).toList();
    List<PolicyResult> real = all.stream().filter(r -> !r.policy().equals(ORACLE)).toList();
    List<String> sentences = new ArrayList<>();
    String sloText = "the SLO of " + Comparison.duration(slo);
    if (real.size() == 1) {
      PolicyResult only = real.get(0);
      sentences.add(
          String.format(
              Locale.ROOT,
              "%s let %s of requests wait longer than %s, for %s replica-seconds.",
              only.policy(),
              FrontierTables.share(only.violatingShare()),
              sloText,
              Comparison.count(only.replicaSeconds())));
    } else if (real.size() > 1) {
      List<PolicyResult> fewest = least(real, PolicyResult::violatingShare);
      List<PolicyResult> cheapest = least(real, PolicyResult::replicaSeconds);
      String against = others(real, fewest, r -> FrontierTables.share(r.violatingShare()));
      sentences.add(
          String.format(
              Locale.ROOT,
              "%s let the fewest requests wait longer than %s: %s%s.",
              names(fewest),
              sloText,
              FrontierTables.share(fewest.get(0).violatingShare()),
              against.isEmpty() ? "" : ", against " + against));
      double base = cheapest.get(0).replicaSeconds();
      String dearer = others(real, cheapest, r -> more(r.replicaSeconds(), base));
      sentences.add(
          String.format(
              Locale.ROOT,
              "%s cost the least, %s replica-seconds%s.",
              names(cheapest),
              Comparison.count(base),
              dearer.isEmpty() ? "" : "; " + dearer));
      sentences.add(caveat(fewest, cheapest));
    }
    all.stream()
        .filter(r -> r.policy().equals(ORACLE))
        .findFirst()
        .ifPresent(
            o ->
                sentences.add(
                    String.format(
                        Locale.ROOT,
                        "The oracle knows the traffic ahead and is no real policy: its %s"
                            + " replica-seconds and %s are the floor.",
                        Comparison.count(o.replicaSeconds()),
                        FrontierTables.share(o.violatingShare()))));
    return String.join(" ", sentences);
  }

  private static String caveat(List<PolicyResult> fewest, List<PolicyResult> cheapest) {
    List<PolicyResult> both = fewest.stream().filter(cheapest::contains).toList();
    if (!both.isEmpty()) {
      return names(both)
          + " violated the SLO least at the least cost: that lead is not bought with replicas.";
    }
    PolicyResult best = fewest.get(0);
    PolicyResult cheap = cheapest.get(0);
    return String.format(
        Locale.ROOT,
        "These runs are not at equal cost: a policy that runs more replicas lets fewer requests"
            + " wait, so part of %s lead may be bought with its %s replica-seconds than %s."
            + " The frontier command compares the policies at equal cost.",
        FrontierTables.possessive(best.policy()),
        more(best.replicaSeconds(), cheap.replicaSeconds()),
        cheap.policy());
  }

  /** The results with the least of {@code measure}, ties all included, in their order. */
  static List<PolicyResult> least(
      List<PolicyResult> results, ToDoubleFunction<PolicyResult> measure) {
    double min = results.stream().mapToDouble(measure).min().orElse(0);
    return results.stream().filter(r -> measure.applyAsDouble(r) <= min).toList();
  }

  /** {@code "hpa"}, {@code "hpa and keda"}, {@code "hpa, keda and knative"}. */
  static String names(List<PolicyResult> results) {
    return words(results.stream().map(PolicyResult::policy).toList());
  }

  private static String others(
      List<PolicyResult> all, List<PolicyResult> leaders, Function<PolicyResult, String> value) {
    List<String> parts = new ArrayList<>();
    for (PolicyResult r : all) {
      if (!leaders.contains(r)) {
        parts.add(r.policy() + " " + value.apply(r));
      }
    }
    return words(parts);
  }

  /** {@code "7.4% more"}: how much more {@code value} is than {@code base}. */
  static String more(double value, double base) {
    return base > 0 ? String.format(Locale.ROOT, "%.1f%% more", 100 * (value / base - 1)) : "more";
  }

  private static String words(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
