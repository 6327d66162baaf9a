package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A daily sine on a rising line, observed with 5% noise: after four days of training the forecasts
 * on the fifth day track the noiseless truth, and the band holds the noisy outcomes about as often
 * as its confidence says.
 */
class KnownAnswersTest {

  static double truth(double t) {
    return 100 + 40 * Math.sin(2 * Math.PI * t / DAY) + 10 * t / DAY;
  }

  @ParameterizedTest(name = "horizon {0} s: mean error < {1}%, 95th percentile < {2}%")
  @CsvSource({"60, 1.5, 3.5", "300, 1.5, 3.5", "3600, 3, 7"})
  void forecastsTrackTheNoiselessTruth(long horizon, double meanLimit, double p95Limit) {
    Series series = new Series(KnownAnswersTest::truth, 0.05, 42);
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double step = 30;
    double now = series.feed(forecaster, 0, 4 * DAY, step);
    int n = (int) (DAY / step);
    double[] errors = new double[n];
    double[] actuals = new double[n + (int) (horizon / step)];
    for (int i = 0; i < actuals.length; i++) {
      actuals[i] = series.observed(now + i * step);
    }
    int below = 0;
    int above = 0;
    for (int i = 0; i < n; i++) {
      double t = now + i * step;
      forecaster.observe(Series.at(t), actuals[i]);
      Optional<Forecast> forecast = forecaster.forecast(Series.at(t), Series.seconds(horizon), 0.9);
      assertThat(forecast).isPresent();
      Forecast f = forecast.get();
      double target = truth(t + horizon);
      errors[i] = 100 * Math.abs(f.rate() - target) / target;
      double actual = actuals[i + (int) (horizon / step)];
      below += actual < f.lower() ? 1 : 0;
      above += actual > f.upper() ? 1 : 0;
    }
    Arrays.sort(errors);
    double mean = Arrays.stream(errors).average().orElseThrow();
    assertThat(mean).isLessThan(meanLimit);
    assertThat(errors[(int) (0.95 * n)]).isLessThan(p95Limit);
    // 0.9 confidence: about 10% of outcomes above the band and 10% below it
    assertThat(below / (double) n).isBetween(0.05, 0.15);
    assertThat(above / (double) n).isBetween(0.05, 0.15);
  }
}
