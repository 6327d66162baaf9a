package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rise that prediction exists for: a quiet night, then every morning at 08:00 the rate climbs
 * tenfold in 20 minutes. After a few days the forecaster must see the climb coming while the last
 * minutes are still flat, noiseless or not.
 */
class DailyRampTest {
  static final double RISE = 8 * 3600;

  static double truth(double t) {
    double s = t % Series.DAY - RISE;
    if (s < 0 || s >= 4 * 3600) {
      return 20;
    }
    return s < 3600 ? 20 + 180 * s / 3600 : 200;
  }

  @ParameterizedTest(name = "noise {0}, {1} s ahead")
  @CsvSource({"0, 600", "0, 300", "0.05, 600", "0.05, 300", "0.05, 1200"})
  void seesTheMorningRiseComingWhileTheNightIsStillFlat(double noise, long ahead) {
    Series series = new Series(DailyRampTest::truth, noise, 3);
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double now = 4 * Series.DAY + RISE - 60;
    series.feed(forecaster, 0, now + 1, 60);
    Forecast f = forecaster.forecast(Series.at(now), Series.seconds(ahead), 0.9).orElseThrow();
    double expected = truth(now + ahead);
    assertThat(truth(now)).isEqualTo(20);
    // at least 40% of the coming rise is foreseen, and the forecast does not overshoot
    assertThat(f.rate() - truth(now)).as(f.model()).isGreaterThan(0.4 * (expected - truth(now)));
    assertThat(f.rate()).as(f.model()).isLessThan(1.25 * expected);
    assertThat(f.upper()).isGreaterThanOrEqualTo(f.rate());
  }
}
