package io.scaledapi.operator.testing;

import java.util.regex.Pattern;

/** What the Prometheus text formats share: name checks, label escaping, number spelling. */
final class Exposition {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private Exposition() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }

  static String escape(String labelValue) {
    return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static void checkName(String name) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name: " + name);
    }
  }

  static void checkLabelName(String label) {
    if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
      throw new IllegalArgumentException("invalid label name: " + label);
    }
  }
}
