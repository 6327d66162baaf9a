package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Weekdays busy, weekends at 30% of that, both with a daily swing: with a 168 h season the
 * forecaster knows on Friday night that Saturday will be quiet; with a 24 h season it cannot.
 */
class WeeklySeasonTest {

  static double truth(double t) {
    double daily = 100 + 50 * Math.sin(2 * Math.PI * (t - 6 * 3600) / DAY);
    long weekday = (long) Math.floor(t / DAY) % 7; // Series.T0 is a Monday
    return weekday >= 5 ? 0.3 * daily : daily;
  }

  @Test
  void aWeeklySeasonForeseesTheWeekend() {
    ForecastSettings weekly = ForecastSettings.defaults().withSeasonLength(Duration.ofHours(168));
    RateForecaster forecaster = Forecasters.standard(weekly);
    RateForecaster daily = Forecasters.standard(ForecastSettings.defaults());
    Series series = new Series(WeeklySeasonTest::truth, 0.05, 17);
    Series same = new Series(WeeklySeasonTest::truth, 0.05, 17);
    double sixDays = 6.5 * DAY;
    series.feed(forecaster, 0, sixDays, 60);
    same.feed(daily, 0, sixDays, 60);
    assertThat(model(forecaster, sixDays)).startsWith("seasonal 0.00 + ");
    assertThat(model(daily, sixDays)).doesNotStartWith("seasonal 0.00");

    double fridayNight = 2 * 7 * DAY + 4 * DAY + 23 * 3600;
    series.feed(forecaster, sixDays, fridayNight + 1, 60);
    same.feed(daily, sixDays, fridayNight + 1, 60);
    double saturday = truth(fridayNight + 2 * 3600);
    // two hours ahead, into Saturday: within 10% with the weekly season, far above without
    assertThat(error(forecaster, fridayNight, saturday)).isLessThan(0.1);
    assertThat(error(daily, fridayNight, saturday)).isGreaterThan(1);
  }

  static String model(RateForecaster forecaster, double now) {
    return forecaster.forecast(Series.at(now), Duration.ofHours(2), 0.9).orElseThrow().model();
  }

  static double error(RateForecaster forecaster, double now, double truth) {
    double rate =
        forecaster.forecast(Series.at(now), Duration.ofHours(2), 0.9).orElseThrow().rate();
    return Math.abs(rate - truth) / truth;
  }
}
