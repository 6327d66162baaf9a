package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two quiet days at 20 requests per second, then the rate multiplies five times within ten minutes
 * and stays there: the trend member follows the ramp, and the ensemble shifts weight toward it.
 */
class RampTest {

  static final double RAMP_START = 2 * DAY + 6 * 3600;
  static final double RAMP = 600;

  static double truth(double t) {
    double progress = Math.min(1, Math.max(0, (t - RAMP_START) / RAMP));
    return 20 * Math.pow(5, progress);
  }

  @Test
  void trendMemberFollowsTheRampWhereALevelLags() {
    Series series = new Series(RampTest::truth, 0.03, 7);
    ForecastSettings settings = ForecastSettings.defaults();
    LogScale scale = new LogScale(settings.logOffset());
    SeasonalMember seasonal = new SeasonalMember(settings);
    TrendMember trend = new TrendMember(settings, seasonal);
    double end = RAMP_START + RAMP;
    for (double t = 0; t <= end; t += 15) {
      double y = scale.toLog(series.observed(t));
      seasonal.observe(t, y);
      trend.observe(t, y);
    }
    double target = truth(end + 60);
    double followed = scale.toRate(trend.expectedLogRate(end + 60));
    double lagged = scale.toRate(seasonal.expectedLogRate(end + 60));
    // a minute after the ramp: the trend member within 15% of the truth, the seasonal one far below
    assertThat(followed).isCloseTo(target, withPercentage(15));
    assertThat(lagged).isLessThan(0.6 * target);
  }

  @Test
  void ensembleFollowsTheRampAndReweighsItsMembers() {
    Series series = new Series(RampTest::truth, 0.03, 11);
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double before = series.feed(forecaster, 0, RAMP_START, 15);
    double weightBefore = trendWeight(forecaster, before);
    double end = series.feed(forecaster, before, RAMP_START + RAMP, 15);
    double weightAtEnd = trendWeight(forecaster, end);
    Forecast atEnd = forecaster.forecast(Series.at(end), Series.seconds(60), 0.9).orElseThrow();
    double later = series.feed(forecaster, end, RAMP_START + 1200, 15);
    // on a steady noisy rate no member stands out
    assertThat(weightBefore).isBetween(0.2, 0.8);
    // the ramp's first minutes are scored before it ends: the forecast keeps up with the ramp
    assertThat(atEnd.rate()).as(atEnd.model()).isCloseTo(truth(end + 60), withPercentage(15));
    // and the weights have moved with the members' errors
    assertThat(weightAtEnd).isLessThan(weightBefore);
    Forecast f = forecaster.forecast(Series.at(later), Series.seconds(60), 0.9).orElseThrow();
    assertThat(f.rate()).isCloseTo(truth(later + 60), withPercentage(5));
  }

  static double trendWeight(RateForecaster forecaster, double now) {
    String model =
        forecaster.forecast(Series.at(now), Series.seconds(60), 0.9).orElseThrow().model();
    Matcher m = Pattern.compile("trend (\\d\\.\\d+)").matcher(model);
    assertThat(m.find()).as(model).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
