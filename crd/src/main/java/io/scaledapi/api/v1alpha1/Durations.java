package io.scaledapi.api.v1alpha1;

import java.time.Duration;
import java.util.regex.Matcher;

/** Go-style durations as used across the API ("15s", "1m30s", "250ms"). */
public final class Durations {
  /** The schema pattern: one or more number+unit pairs, units ms, s, m, h. */
  public static final String PATTERN = "^([0-9]+(ms|s|m|h))+$";

  /** The pattern for long spans, which may also use days and weeks ("7d", "2w"). */
  public static final String LONG_PATTERN = "^([0-9]+(ms|s|m|h|d|w))+$";

  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");

  /**
   * The longest duration: what Go's time.Duration, and so Kubernetes and Prometheus, can hold (2^63
   * - 1 ns, about 292 years). Every parsed duration converts to nanoseconds without overflow.
   */
  public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

  private Durations() {}

  /**
   * Parses a duration such as {@code 1m30s}.
   *
   * @throws IllegalArgumentException naming the expected form when the text does not match
   * @throws TooLong when it is longer than {@link #MAX}
   */
  public static Duration parse(String text) {
    if (text == null || !text.matches(PATTERN)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a number and a unit, e.g. 250ms, 15s, 1m30s");
    }
    return sum(text);
  }

  /**
   * Parses a long span such as {@code 7d} or {@code 36h}; units ms, s, m, h, d (24h) and w (7d).
   *
   * @throws IllegalArgumentException naming the expected form when the text does not match
   * @throws TooLong when it is longer than {@link #MAX}
   */
  public static Duration parseLong(String text) {
    if (text == null || !text.matches(LONG_PATTERN)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a number and a unit, e.g. 36h, 7d, 2w");
    }
    return sum(text);
  }

  private static Duration sum(String text) {
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    try {
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
      }
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      throw new TooLong(text);
    }
    if (total.compareTo(MAX) > 0) {
      throw new TooLong(text);
    }
    return total;
  }

  /** A well-formed duration longer than {@link #MAX}. */
  public static final class TooLong extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    TooLong(String text) {
      super("'" + text + "' is too long: a duration is at most 2562047h (about 292 years)");
    }
  }
}
