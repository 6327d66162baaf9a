package io.scaledapi.operator.promql;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers and durations of PromQL: reading them as Prometheus does, and writing them. */
final class Literals {
  private static final Pattern DURATION =
      Pattern.compile(
          "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] UNIT_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1
  };
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  private Literals() {}

  /**
   * The value of a number token: decimal, hexadecimal ({@code 0x1f}), octal ({@code 017}, as
   * Prometheus reads a leading zero), with fraction and exponent, or Inf or NaN.
   *
   * @throws NumberFormatException if it is none of those or out of range
   */
  static double number(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (lower.startsWith("0x")) {
      return Long.parseLong(text.substring(2), 16);
    }
    if (text.length() > 1
        && text.charAt(0) == '0'
        && text.chars().allMatch(c -> c >= '0' && c <= '7')) {
      try {
        return Long.parseLong(text.substring(1), 8);
      } catch (NumberFormatException tooLarge) {
        // read as a decimal number below, as Prometheus does
      }
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException("value out of range");
    }
    return value;
  }

  /** A number as PromQL reads it back to the same value. */
  static String formatNumber(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !isNegativeZero(value)) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  /**
   * A duration such as {@code 1h30m}: units y, w, d, h, m, s, ms, each at most once and in that
   * order.
   *
   * @throws IllegalArgumentException if it is not one, or longer than about 292 years
   */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "not a valid duration: \"" + text + "\"; use units y, w, d, h, m, s, ms, e.g. 1h30m");
    }
    long millis = 0;
    try {
      for (int i = 0; i < UNITS.length; i++) {
        if (m.group(i + 1) != null) {
          millis =
              Math.addExact(
                  millis, Math.multiplyExact(Long.parseLong(m.group(i + 1)), UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      millis = Long.MAX_VALUE;
    }
    if (millis > MAX_MILLIS) {
      throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
    }
    return Duration.ofMillis(millis);
  }

  /** A duration in PromQL's units, largest first, e.g. {@code 1h30m}; {@code 0s} for zero. */
  static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < UNITS.length; i++) {
      long n = millis / UNIT_MILLIS[i];
      if (n > 0) {
        text.append(n).append(UNITS[i]);
        millis -= n * UNIT_MILLIS[i];
      }
    }
    return text.toString();
  }
}
