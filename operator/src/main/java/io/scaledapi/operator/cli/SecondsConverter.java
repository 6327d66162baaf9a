package io.scaledapi.operator.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a whole number of seconds written as {@code 90}, {@code 15s}, {@code 2m} or {@code 1h}. */
final class SecondsConverter implements CommandLine.ITypeConverter<Long> {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smh]?)");

  @Override
  public Long convert(String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a positive duration such as 90, 15s, 2m or 1h");
    }
    long number = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> number * 60;
      case "h" -> number * 3600;
      default -> number;
    };
  }
}
