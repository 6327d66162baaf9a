package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad values, time going backwards, zeros, extremes and bad arguments. */
class InputsTest {

  record Observation(double time, double rate) {}

  static final List<Long> HORIZONS = List.of(0L, 60L, 300L, 3600L, 6 * 3600L);

  /** Two days of a noisy daily swing, every 30 s. */
  static List<Observation> twoDays() {
    Random random = new Random(3);
    List<Observation> observations = new ArrayList<>();
    for (int t = 0; t < 2 * 86_400; t += 30) {
      double rate = 50 + 30 * Math.sin(2 * Math.PI * t / 86_400) + 5 * random.nextGaussian();
      observations.add(new Observation(t, Math.max(0, rate)));
    }
    return observations;
  }

  static List<Optional<Forecast>> forecastsAfter(List<Observation> observations) {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    for (Observation o : observations) {
      forecaster.observe(Series.at(o.time()), o.rate());
    }
    double now = 2 * 86_400 - 30;
    return HORIZONS.stream()
        .map(h -> forecaster.forecast(Series.at(now), Duration.ofSeconds(h), 0.9))
        .toList();
  }

  @Test
  void badValuesAreIgnored() {
    double[] bad = {Double.NaN, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-9};
    List<Observation> dirty = new ArrayList<>();
    int i = 0;
    for (Observation o : twoDays()) {
      dirty.add(o);
      // a new time, but a value that is no rate
      dirty.add(new Observation(o.time() + 1, bad[i++ % bad.length]));
    }
    assertThat(forecastsAfter(dirty))
        .isEqualTo(forecastsAfter(twoDays()))
        .allMatch(Optional::isPresent);
  }

  @Test
  void observationsAtAnEqualOrEarlierTimeAreIgnored() {
    List<Observation> shuffled = new ArrayList<>();
    for (Observation o : twoDays()) {
      shuffled.add(o);
      shuffled.add(new Observation(o.time(), 1000));
      shuffled.add(new Observation(o.time() - 10, 0));
    }
    assertThat(forecastsAfter(shuffled))
        .isEqualTo(forecastsAfter(twoDays()))
        .allMatch(Optional::isPresent);
  }

  @Test
  void zeroRatesForecastZero() {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    for (int t = 0; t <= 3600; t += 15) {
      forecaster.observe(Series.at(t), 0);
    }
    for (long h : HORIZONS) {
      Forecast f = forecaster.forecast(Series.at(3600), Duration.ofSeconds(h), 0.9).orElseThrow();
      assertThat(f.rate()).isZero();
      assertThat(f.lower()).isZero();
      assertThat(f.upper()).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void bandIsOrderedFiniteAndNonNegativeWhateverComes() {
    Random random = new Random(5);
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    double t = 0;
    for (int i = 0; i < 20_000; i++) {
      t += 1 + random.nextInt(120);
      double rate =
          switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1e12 * random.nextDouble();
            case 2 -> 1e-9 * random.nextDouble();
            default -> 100 * Math.exp(3 * random.nextGaussian());
          };
      forecaster.observe(Series.at(t), rate);
      for (long h : HORIZONS) {
        double confidence = 0.51 + 0.48 * random.nextDouble();
        forecaster
            .forecast(Series.at(t), Duration.ofSeconds(h), confidence)
            .ifPresent(
                f -> {
                  assertThat(f.lower()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(f.rate());
                  assertThat(f.upper()).isFinite().isGreaterThanOrEqualTo(f.rate());
                });
      }
    }
    assertThat(forecaster.notReadyReason(Series.at(t))).isEmpty();
  }

  @Test
  void rejectsANegativeHorizonAndAConfidenceOutsideTheBand() {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    assertThatThrownBy(() -> forecaster.forecast(Series.T0, Duration.ofSeconds(-1), 0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon");
    for (double confidence : new double[] {0.5, 1, 0.2, Double.NaN}) {
      assertThatThrownBy(() -> forecaster.forecast(Series.T0, Duration.ofMinutes(1), confidence))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence");
    }
  }
}
