package io.scaledapi.operator.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The buckets a histogram gained between two scrapes, and quantiles as histogram_quantile. */
record Histogram(TreeMap<Double, Double> cumulative) {

  static Histogram between(MetricsText before, MetricsText after, String name) {
    TreeMap<Double, Double> counts = new TreeMap<>();
    Map<String, Double> end = after.sumBy(name + "_bucket", List.of("le"));
    Map<String, Double> start = before.sumBy(name + "_bucket", List.of("le"));
    end.forEach((le, n) -> counts.put(MetricsText.number(le), n - start.getOrDefault(le, 0.0)));
    return new Histogram(counts);
  }

  /** The quantile in seconds with three decimals, or "> the last finite bound". */
  String quantileText(double q) {
    double value = quantile(q);
    return Double.isInfinite(value)
        ? "> " + Math.round(cumulative.lowerKey(Double.POSITIVE_INFINITY))
        : String.format(Locale.ROOT, "%.3f", value);
  }

  double count() {
    return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
  }

  /**
   * The {@code q} quantile, interpolated linearly within its bucket as Prometheus does; infinite
   * when it falls in {@code +Inf}.
   */
  double quantile(double q) {
    double rank = q * count();
    double lower = 0;
    double below = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return Double.POSITIVE_INFINITY;
        }
        double inBucket = bucket.getValue() - below;
        return inBucket == 0
            ? bucket.getKey()
            : lower + (bucket.getKey() - lower) * (rank - below) / inBucket;
      }
      lower = bucket.getKey();
      below = bucket.getValue();
    }
    return Double.NaN;
  }
}
