package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.Duration;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Smoothing is per unit of time, not per sample: fed the signal of {@link KnownAnswersTest} every
 * 15 s, every 60 s or at random intervals of 5 to 90 s, the forecaster is about equally accurate on
 * the fifth day.
 */
class SamplingTest {

  /** The mean error in percent of the noiseless truth on day five, {@code horizon} ahead. */
  static double dayFiveError(DoubleUnaryOperator next, long horizon, long seed) {
    Series series = new Series(KnownAnswersTest::truth, 0.05, seed);
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double sum = 0;
    int count = 0;
    for (double t = 0; t < 5 * DAY; t = next.applyAsDouble(t)) {
      forecaster.observe(Series.at(t), series.observed(t));
      if (t >= 4 * DAY) {
        double rate =
            forecaster
                .forecast(Series.at(t), Duration.ofSeconds(horizon), 0.9)
                .orElseThrow()
                .rate();
        double truth = KnownAnswersTest.truth(t + horizon);
        sum += 100 * Math.abs(rate - truth) / truth;
        count++;
      }
    }
    return sum / count;
  }

  @ParameterizedTest(name = "horizon {0} s")
  @ValueSource(longs = {60, 300, 3600})
  void irregularSamplingIsAsAccurateAsRegularSampling(long horizon) {
    Random random = new Random(9);
    double every15 = dayFiveError(t -> t + 15, horizon, 1);
    double every60 = dayFiveError(t -> t + 60, horizon, 2);
    double irregular = dayFiveError(t -> t + 5 + 85 * random.nextDouble(), horizon, 3);
    double limit = horizon >= 3600 ? 3 : 2;
    assertThat(every15).isLessThan(limit);
    assertThat(every60).isLessThan(limit);
    // on average one observation every 47.5 s: at least about as good as one every 60 s
    assertThat(irregular).isLessThan(limit).isLessThan(1.25 * every60);
  }

  /** The 60 s forecast five minutes after the rate jumps from 10 to 40, observed every step s. */
  static double fiveMinutesAfterAJump(double step) {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double jump = 2 * 3600;
    for (double t = 0; t <= jump + 300; t += step) {
      forecaster.observe(Series.at(t), t < jump ? 10 : 40);
    }
    return forecaster
        .forecast(Series.at(jump + 300), Duration.ofSeconds(60), 0.9)
        .orElseThrow()
        .rate();
  }

  @Test
  void aJumpIsFollowedAsFastWhateverTheSamplingRate() {
    double every1 = fiveMinutesAfterAJump(1);
    double every15 = fiveMinutesAfterAJump(15);
    double every60 = fiveMinutesAfterAJump(60);
    // most of the way to 40 (a damped trend may overshoot a little), and the same way whatever
    // the sampling: smoothing per sample would follow 60 times faster at 1 s than at 60 s
    assertThat(every15).isBetween(32.0, 48.0);
    assertThat(every1).isCloseTo(every15, withPercentage(5));
    assertThat(every60).isCloseTo(every15, withPercentage(5));
  }
}
