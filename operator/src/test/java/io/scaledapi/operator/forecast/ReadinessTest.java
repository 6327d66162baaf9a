package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No forecast without enough recent history, and a reason naming what is missing. */
class ReadinessTest {

  final RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());

  @Test
  void nothingObservedYet() {
    assertThat(forecaster.notReadyReason(Series.T0)).hasValue("no arrival-rate observations yet");
    assertThat(forecaster.forecast(Series.T0, Duration.ofMinutes(1), 0.9)).isEmpty();
  }

  @Test
  void countsTheMinutesOfHistoryUntilTheWarmUpIsReached() {
    for (int t = 0; t <= 12 * 60; t += 15) {
      forecaster.observe(Series.at(t), 5);
    }
    assertThat(forecaster.notReadyReason(Series.at(12 * 60)))
        .hasValue("12 of 30 minutes of arrival-rate history");
    assertThat(forecaster.forecast(Series.at(12 * 60), Duration.ofMinutes(1), 0.9)).isEmpty();

    for (int t = 12 * 60 + 15; t < 30 * 60; t += 15) {
      forecaster.observe(Series.at(t), 5);
    }
    assertThat(forecaster.notReadyReason(Series.at(30 * 60 - 15)))
        .hasValue("29 of 30 minutes of arrival-rate history");
    forecaster.observe(Series.at(30 * 60), 5);
    assertThat(forecaster.notReadyReason(Series.at(30 * 60))).isEmpty();
    assertThat(forecaster.forecast(Series.at(30 * 60), Duration.ofMinutes(1), 0.9))
        .hasValueSatisfying(f -> assertThat(f.rate()).isEqualTo(5.0, offset(1e-9)));
  }

  @Test
  void warmUpIsASetting() {
    RateForecaster quick =
        Forecasters.standard(ForecastSettings.defaults().withWarmUp(Duration.ofMinutes(2)));
    for (int t = 0; t <= 120; t += 15) {
      quick.observe(Series.at(t), 5);
      forecaster.observe(Series.at(t), 5);
    }
    assertThat(quick.notReadyReason(Series.at(120))).isEmpty();
    assertThat(forecaster.notReadyReason(Series.at(120)))
        .hasValue("2 of 30 minutes of arrival-rate history");
  }

  @Test
  void aStaleHistoryIsNotForecastFrom() {
    for (int t = 0; t <= 3600; t += 30) {
      forecaster.observe(Series.at(t), 5);
    }
    assertThat(forecaster.notReadyReason(Series.at(3600 + 15 * 60))).isEmpty();
    assertThat(forecaster.notReadyReason(Series.at(3600 + 17 * 60)))
        .hasValue(
            "a recent arrival-rate observation: the last is 17 minutes old, forecasts need one"
                + " within 15 minutes");
    assertThat(forecaster.forecast(Series.at(3600 + 17 * 60), Duration.ofMinutes(1), 0.9))
        .isEmpty();
    forecaster.observe(Series.at(3600 + 17 * 60), 5);
    assertThat(forecaster.forecast(Series.at(3600 + 17 * 60), Duration.ofMinutes(1), 0.9))
        .isPresent();
  }
}
