package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.Durations;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a duration written as the ScaledApi writes them: a number and a unit, or several, such as
 * {@code 250ms}, {@code 15s}, {@code 1m30s}, {@code 36h} or {@code 7d}; {@code 0} is zero. Whether
 * zero is allowed is for each option to check.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String text = value.strip();
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Durations.parseLong(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not a duration; write a number and a unit, e.g. 250ms, 15s, 1m30s, 7d");
    }
  }

  /** A duration for messages: {@code 250ms}, {@code 15s}, {@code 1m30s}, {@code 7d}. */
  static String format(Duration d) {
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
