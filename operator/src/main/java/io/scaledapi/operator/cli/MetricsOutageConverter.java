package io.scaledapi.operator.cli;

import io.scaledapi.operator.sim.MetricsOutage;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a metrics outage written {@code FROM+DURATION}: when Prometheus goes down, counted from the
 * run's start, and for how long, each a duration as {@link DurationConverter} reads them, in whole
 * seconds: {@code 2h+10m}, {@code 0+90s}, {@code 1d6h+1m30s}.
 */
final class MetricsOutageConverter implements CommandLine.ITypeConverter<MetricsOutage> {

  static final String FORM =
      "give when Prometheus goes down (counted from the run's start) + for how long, in whole"
          + " seconds, e.g. 2h+10m or 0+90s";

  private final DurationConverter durations = new DurationConverter();

  @Override
  public MetricsOutage convert(String value) {
    String[] parts = value.strip().split("\\+", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not FROM+DURATION; " + FORM);
    }
    Duration from = part(value, parts[0], "FROM");
    Duration duration = part(value, parts[1], "DURATION");
    if (duration.isZero()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "': DURATION must be at least 1s; " + FORM);
    }
    return new MetricsOutage(from, duration);
  }

  private Duration part(String value, String text, String name) {
    Duration d;
    try {
      d = durations.convert(text);
    } catch (CommandLine.TypeConversionException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "': " + name + " '" + text.strip() + "' is not a duration; " + FORM);
    }
    if (d.getNano() != 0) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "': "
              + name
              + " '"
              + text.strip()
              + "' is not a whole number of seconds; "
              + FORM);
    }
    return d;
  }
}
