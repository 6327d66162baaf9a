package io.scaledapi.operator.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Formatting shared by the result types and the client. */
final class Descriptions {

  private Descriptions() {}

  /** A number as Prometheus prints it: {@code 42}, {@code 0.5}, {@code NaN}, {@code +Inf}. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A short duration: {@code 2s}, {@code 500ms}, {@code 1.5s}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }

  /**
   * The labels that differ between the series, per series, sorted, up to {@code max} of them:
   * {@code {pod="a"}, {pod="b"}}; {@code ...} stands for the rest. Long values are clipped, and the
   * whole is cut to {@link ResponseText#MAX_LENGTH}.
   */
  static String differingLabels(List<Map<String, String>> labelSets, int max) {
    Set<String> differing = new TreeSet<>();
    labelSets.forEach(labels -> differing.addAll(labels.keySet()));
    differing.removeIf(
        name -> labelSets.stream().map(labels -> labels.get(name)).distinct().count() == 1);
    List<String> shown =
        labelSets.stream()
            .map(
                labels ->
                    differing.stream()
                        .filter(labels::containsKey)
                        .map(name -> name + "=\"" + escape(clip(labels.get(name))) + "\"")
                        .collect(Collectors.joining(", ", "{", "}")))
            .sorted()
            .toList();
    String listed = String.join(", ", shown.subList(0, Math.min(max, shown.size())));
    return ResponseText.cut(shown.size() > max ? listed + ", ..." : listed);
  }

  private static String clip(String value) {
    return ResponseText.clip(value, ResponseText.MAX_LABEL_VALUE);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String failure(FailureKind kind, int httpStatus, String errorType, String message) {
    return switch (kind) {
      case CONNECTION, TIMEOUT -> message;
      case QUERY_REJECTED ->
          errorType == null
              ? message
              : "Prometheus rejected the query (" + errorType + "): " + message;
      case HTTP ->
          "Prometheus answered HTTP "
              + httpStatus
              + (errorType == null ? "" : " (" + errorType + ")")
              + ": "
              + message;
      case BAD_RESPONSE -> "unreadable response from Prometheus: " + message;
    };
  }
}
