package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traffic without cycles shorter than a day is forecast exactly as without the detector: nothing is
 * found in a noisy daily cycle, nor in one with surges at random times.
 */
class NoCyclesTest {

  /** Twelve surges a day of three times the traffic for four minutes, at random times. */
  static DoubleUnaryOperator randomSurges(DoubleUnaryOperator base, long seed) {
    Random random = new Random(seed);
    double[] starts = new double[5 * 12];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = (i / 12) * DAY + random.nextDouble() * DAY;
    }
    return t -> {
      for (double start : starts) {
        if (t >= start && t < start + 240) {
          return 3 * base.applyAsDouble(t);
        }
      }
      return base.applyAsDouble(t);
    };
  }

  static Stream<Arguments> traffic() {
    return Stream.of(
        Arguments.of("a daily cycle", (DoubleUnaryOperator) KnownAnswersTest::truth, 0.05),
        Arguments.of(
            "a daily cycle, 20% noise", (DoubleUnaryOperator) KnownAnswersTest::truth, 0.2),
        Arguments.of("surges at random times", randomSurges(KnownAnswersTest::truth, 4), 0.05));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traffic")
  void forecastsAreTheSameAsWithoutTheDetector(
      String name, DoubleUnaryOperator truth, double noise) {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    RateForecaster without =
        Forecasters.standard(ForecastSettings.defaults().withCyclePeriods(List.of()));
    Series series = new Series(truth, noise, 8);
    List<Optional<Forecast>> with = new ArrayList<>();
    List<Optional<Forecast>> expected = new ArrayList<>();
    for (double t = 0; t < 5 * DAY; t += 15) {
      double rate = series.observed(t);
      forecaster.observe(Series.at(t), rate);
      without.observe(Series.at(t), rate);
      if (t % 600 == 0) {
        for (long ahead : new long[] {60, 300, 3600}) {
          with.add(forecaster.forecast(Series.at(t), Duration.ofSeconds(ahead), 0.9));
          expected.add(without.forecast(Series.at(t), Duration.ofSeconds(ahead), 0.9));
        }
      }
    }
    assertThat(with).isEqualTo(expected);
    assertThat(with.get(with.size() - 1).orElseThrow().model()).doesNotContain("cycles");
  }
}
