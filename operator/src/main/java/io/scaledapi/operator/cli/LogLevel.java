package io.scaledapi.operator.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/** The levels of {@code --log-level}, written in lower case as slf4j-simple reads them. */
enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Configures slf4j-simple; it reads these properties once, when the first logger is made, so call
   * this before anything logs.
   */
  void apply() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }

  /** Reads a level in any case; refuses others as picocli refuses an unknown enum value. */
  static final class Converter implements CommandLine.ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
      for (LogLevel level : values()) {
        if (level.name().equalsIgnoreCase(value.strip())) {
          return level;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected one of " + Arrays.toString(values()) + " but was '" + value + "'");
    }
  }
}
