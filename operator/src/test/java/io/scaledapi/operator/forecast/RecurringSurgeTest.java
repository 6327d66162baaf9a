package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients on a schedule: every 30 minutes the rate triples for 4 minutes, on top of a daily cycle,
 * observed every 15 s with 5% noise. The daily profile's 15-minute slots cannot see such a surge;
 * the sub-daily cycles can, and a forecast made before a surge starts rises to it.
 */
class RecurringSurgeTest {

  static final double EVERY = 1800;
  static final double LASTS = 240;

  static double daily(double t) {
    return 100 + 60 * Math.sin(2 * Math.PI * (t - 6 * 3600) / DAY);
  }

  static double truth(double t) {
    return t % EVERY < LASTS ? 3 * daily(t) : daily(t);
  }

  static RateForecaster withoutCycles() {
    return Forecasters.standard(ForecastSettings.defaults().withCyclePeriods(List.of()));
  }

  static double rate(RateForecaster forecaster, double now, long ahead) {
    return forecaster.forecast(Series.at(now), Duration.ofSeconds(ahead), 0.9).orElseThrow().rate();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void aForecastMadeBeforeEachSurgeRisesToIt(long seed) {
    RateForecaster forecaster = Forecasters.standard(ForecastSettings.defaults());
    RateForecaster before = withoutCycles();
    Series series = new Series(RecurringSurgeTest::truth, 0.05, seed);
    Series same = new Series(RecurringSurgeTest::truth, 0.05, seed);
    // found within 16 hours: the first cycles of the longest candidate period, two hours, teach,
    // and the cycles after them must agree
    double found = series.feed(forecaster, 0, 16 * 3600, 15);
    same.feed(before, 0, found, 15);
    assertThat(forecaster.forecast(Series.at(found - 15), Duration.ofMinutes(1), 0.9))
        .hasValueSatisfying(f -> assertThat(f.model()).endsWith(", with cycles of 30 min"));
    // up to the end of the first surge of day four
    series.feed(forecaster, found, 3 * DAY + LASTS, 15);
    same.feed(before, found, 3 * DAY + LASTS, 15);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    double highestBefore = 0;
    double highestAfter = 0;
    for (double start = 3 * DAY + EVERY; start <= 4 * DAY; start += EVERY) {
      // up to the last observation before the surge, 15 s before it
      series.feed(forecaster, start - EVERY + LASTS, start, 15);
      same.feed(before, start - EVERY + LASTS, start, 15);
      for (long ahead : new long[] {60, 90}) {
        double target = start - 15 + ahead;
        double ratio = rate(forecaster, start - 15, ahead) / truth(target);
        lowest = Math.min(lowest, ratio);
        highest = Math.max(highest, ratio);
        highestBefore = Math.max(highestBefore, rate(before, start - 15, ahead) / truth(target));
      }
      // from the last observation in the surge, a minute ahead: back to the daily cycle
      series.feed(forecaster, start, start + LASTS, 15);
      same.feed(before, start, start + LASTS, 15);
      double after = start + LASTS - 15;
      highestAfter = Math.max(highestAfter, rate(forecaster, after, 60) / truth(after + 60));
    }
    System.out.println(
        "MEASURED " + lowest + " " + highest + " " + highestBefore + " " + highestAfter);
    // measured: 0.87 to 1.05 of the surge with the cycles; at most 0.4 of it without
    assertThat(lowest).isGreaterThan(0.8);
    assertThat(highest).isLessThan(1.2);
    assertThat(highestBefore).isLessThan(0.5);
  }
}
