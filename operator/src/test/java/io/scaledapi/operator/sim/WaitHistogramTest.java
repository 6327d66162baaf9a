package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Percentiles of waits to the millisecond, from fractional masses spread over ranges. */
class WaitHistogramTest {

  @ParameterizedTest(name = "waits even over [{0}, {1}] s: p{2} = {3}")
  @CsvSource({
    "0, 1, 0.5, 0.5",
    "0, 1, 0.99, 0.99",
    "0.2, 0.3, 0.5, 0.25",
    "1, 3, 0.5, 2",
    "1, 3, 0.99, 2.98",
    "40, 80, 0.25, 50",
    "0.1234, 0.1234, 0.5, 0.1234"
  })
  void quantilesOfAnEvenSpread(double from, double to, double q, double expected) {
    WaitHistogram h = new WaitHistogram();
    h.add(1000, from, to);
    double precision = Math.max(0.0005, expected * 0.0005);
    assertThat(h.quantile(q)).isCloseTo(expected, within(precision));
  }

  @Test
  void zeroWaitsAreKeptApart() {
    WaitHistogram h = new WaitHistogram();
    h.add(98, 0, 0);
    h.add(2, 1, 2);
    assertThat(h.quantile(0.5)).isZero();
    assertThat(h.quantile(0.98)).isZero();
    assertThat(h.quantile(0.99)).isCloseTo(1.5, within(0.001));
    assertThat(h.total()).isEqualTo(100);
  }

  @Test
  void fractionalMassesAddUp() {
    WaitHistogram h = new WaitHistogram();
    for (int i = 0; i < 1000; i++) {
      h.add(0.25, 0.001 * i, 0.001 * (i + 1));
    }
    assertThat(h.total()).isCloseTo(250, within(1e-9));
    assertThat(h.quantile(0.5)).isCloseTo(0.5, within(0.0005));
    assertThat(h.quantile(0.1)).isCloseTo(0.1, within(0.0005));
  }

  @Test
  void emptyAndIgnoredInputs() {
    WaitHistogram h = new WaitHistogram();
    assertThat(h.quantile(0.99)).isZero();
    h.add(0, 1, 2);
    h.add(-1, 1, 2);
    assertThat(h.total()).isZero();
    h.add(1, 3, 1);
    assertThat(h.quantile(0.5)).isCloseTo(2, within(0.001));
  }
}
