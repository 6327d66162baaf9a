package io.scaledapi.operator.evaluation;

import io.scaledapi.operator.forecast.Forecast;
import io.scaledapi.operator.forecast.RateForecaster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a rate series forward without peeking: at each sample the forecaster sees the values up to
 * now and forecasts each horizon, and the forecasts are scored against the sample at now + horizon.
 * Scoring starts one day into the series for every forecaster, so that the value one day before
 * each target exists.
 */
public final class WalkForward {

  public static final long DAY = 86_400;

  private final RateSeries series;
  private final List<Long> horizons;
  private final double confidence;
  private final PrintWriter progress;

  public WalkForward(
      RateSeries series, List<Long> horizons, double confidence, PrintWriter progress) {
    this.series = series;
    this.horizons = List.copyOf(horizons);
    this.confidence = confidence;
    this.progress = progress;
  }

  /** The first sample scored: one day in. */
  int firstScored() {
    return (int) (DAY / series.stepSeconds());
  }

  /** Runs {@code forecaster} over the series and scores it and the reference forecasters. */
  public List<HorizonResult> run(RateForecaster forecaster) {
    int n = series.size();
    int day = firstScored();
    int count = horizons.size();
    Smape[] ours = new Smape[count];
    Smape[] last = new Smape[count];
    Smape[] yesterday = new Smape[count];
    long[] inside = new long[count];
    long[] notReady = new long[count];
    for (int j = 0; j < count; j++) {
      ours[j] = new Smape();
      last[j] = new Smape();
      yesterday[j] = new Smape();
    }
    int reported = 0;
    for (int k = 0; k < n; k++) {
      Instant now = Instant.ofEpochSecond(series.time(k));
      forecaster.observe(now, series.rate(k));
      for (int j = 0; k >= day && j < count; j++) {
        int target = k + (int) (horizons.get(j) / series.stepSeconds());
        if (target >= n) {
          continue;
        }
        double actual = series.rate(target);
        Optional<Forecast> forecast =
            forecaster.forecast(now, Duration.ofSeconds(horizons.get(j)), confidence);
        if (forecast.isEmpty()) {
          notReady[j]++;
        }
        Forecast f = forecast.orElse(null);
        ours[j].add(f == null ? series.rate(k) : f.rate(), actual);
        if (f != null && f.lower() <= actual && actual <= f.upper()) {
          inside[j]++;
        }
        last[j].add(series.rate(k), actual);
        yesterday[j].add(series.rate(target - day), actual);
      }
      int percent = (int) (100L * (k + 1) / n);
      if (percent >= reported + 10) {
        reported = percent - percent % 10;
        progress.printf("forecast-accuracy: %d%% of %d samples walked%n", reported, n);
        progress.flush();
      }
    }
    double[] hindsight = new HindsightFit(series, day).smape(horizons);
    List<HorizonResult> results = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      results.add(
          new HorizonResult(
              horizons.get(j),
              ours[j].percent(),
              last[j].percent(),
              yesterday[j].percent(),
              hindsight[j],
              100.0 * inside[j] / ours[j].count(),
              ours[j].count(),
              notReady[j]));
    }
    return results;
  }
}
