package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastTest {

  static Forecast forecast(double lower, double rate, double upper) {
    return new Forecast(
        Instant.EPOCH,
        Duration.ofMinutes(1),
        rate,
        lower,
        upper,
        "trend 1.00",
        OptionalDouble.empty());
  }

  @ParameterizedTest(name = "{0} <= {1} <= {2}")
  @CsvSource({"0, 0, 0", "1, 2, 3", "2, 2, 2"})
  void acceptsAnOrderedBand(double lower, double rate, double upper) {
    assertThatCode(() -> forecast(lower, rate, upper)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @CsvSource({
    "-1, 0, 1",
    "2, 1, 3",
    "1, 3, 2",
    "NaN, 1, 2",
    "0, NaN, 2",
    "0, 1, Infinity",
    "0, 1, NaN"
  })
  void rejectsAnythingElse(double lower, double rate, double upper) {
    assertThatThrownBy(() -> forecast(lower, rate, upper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= lower <= rate <= upper");
  }
}
