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
}
