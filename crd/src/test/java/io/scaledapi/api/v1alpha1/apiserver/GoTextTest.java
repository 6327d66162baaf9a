package io.scaledapi.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code %v} and {@code %q}, which the API server's messages are made of. */
class GoTextTest {

  @ParameterizedTest
  @CsvSource({
    "1.0, 1",
    "0.5, 0.5",
    "0.999, 0.999",
    "-1.5, -1.5",
    "1800.0, 1800",
    "100000.0, 100000",
    "1000000.0, 1e+06",
    "1234567.0, 1.234567e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.1, 0.1"
  })
  void floatsPrintAsGoPrintsAFloat64(double value, String printed) {
    assertThat(GoText.value(value)).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fast|\"fast\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "a\\b|\"a\\\\b\"",
        "élan|\"élan\""
      })
  void stringsAreQuotedAsStrconvQuoteDoes(String value, String quoted) {
    assertThat(GoText.quote(value)).isEqualTo(quoted);
  }

  @ParameterizedTest
  @CsvSource({"-1, -1", "0, 0", "20, 20"})
  void integersAndControlCharacters(long value, String printed) {
    assertThat(GoText.value(value)).isEqualTo(printed);
    assertThat(GoText.quote("a\nb\u0001")).isEqualTo("\"a\\nb\\x01\"");
  }
}
