package io.scaledapi.api.v1alpha1;

import java.time.Duration;
import java.util.regex.Matcher;

/** Go-style durations as used across the API ("15s", "1m30s", "250ms"). */
public final class Durations {
  /** The schema pattern: one or more number+unit pairs, units ms, s, m, h. */
  public static final String PATTERN = "^([0-9]+(ms|s|m|h))+$";

  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration such as {@code 1m30s}.
   *
   * @throws IllegalArgumentException naming the expected form when the text does not match
   */
  public static Duration parse(String text) {
    if (text == null || !text.matches(PATTERN)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a number and a unit, e.g. 250ms, 15s, 1m30s");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
    }
    return total;
  }
}
