package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** sMAPE, durations on the command line, and the least-squares solver. */
class SmallPartsTest {

  @Test
  void smapeCountsZeroAgainstZeroAsNoError() {
    Smape smape = new Smape();
    assertThat(smape.percent()).isNaN();
    smape.add(0, 0); // 0
    smape.add(10, 10); // 0
    smape.add(15, 5); // 2 * 10 / 20 = 1
    smape.add(0, 5); // 2
    assertThat(smape.count()).isEqualTo(4);
    assertThat(smape.percent()).isCloseTo(75, within(1e-12));
  }

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

  @Test
  void solvesNormalEquations() {
    // 2x + y = 5, x + 3y = 10, needing a row swap: x = 1, y = 3
    double[] solution = LeastSquares.solve(new double[][] {{0, 1, 3}, {1, 3, 10}});
    assertThat(solution[0]).isCloseTo(1, within(1e-6));
    assertThat(solution[1]).isCloseTo(3, within(1e-6));
    // two identical features: the tiny ridge still gives a solution that fits
    double[] collinear = LeastSquares.solve(new double[][] {{4, 4, 8}, {4, 4, 8}});
    assertThat(4 * collinear[0] + 4 * collinear[1]).isCloseTo(8, within(1e-6));
  }
}
