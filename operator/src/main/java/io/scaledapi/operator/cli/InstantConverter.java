package io.scaledapi.operator.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads an ISO-8601 instant with its offset: {@code 1995-07-01T04:00:01Z}, {@code ...-04:00}. */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not an instant; write an ISO-8601 date and time with its offset,"
              + " e.g. 1995-07-01T04:00:01Z");
    }
  }
}
