package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Durations on the command line in whole seconds. */
class SecondsConverterTest {

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({"90, 90", "15s, 15", "2m, 120", "1h, 3600", "' 60s ', 60"})
  void durations(String text, long seconds) {
    assertThat(new SecondsConverter().convert(text)).isEqualTo(seconds);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0s", "-5s", "1.5m", "15x", "", "1d"})
  void badDurations(String text) {
    assertThatThrownBy(() -> new SecondsConverter().convert(text))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("is not a positive duration such as 90, 15s, 2m or 1h");
  }
}
