package io.scaledapi.operator.evaluation;

import io.scaledapi.operator.forecast.ForecastSettings;
import java.util.List;

/**
 * A reference, not a forecaster: for each horizon, a linear least-squares fit in log space of the
 * value at now + horizon on the last value, the moving averages over the last 5, 15 and 60 minutes,
 * and the value one day before the target, fitted over the whole scored part of the trace and
 * scored on that same part. It sees the future through its coefficients, so its score is a ceiling
 * for forecasters built from these features, showing how much is achievable at all.
 */
final class HindsightFit {

  private static final int[] AVERAGE_MINUTES = {5, 15, 60};
  private static final int FEATURES = 3 + AVERAGE_MINUTES.length;

  private final RateSeries series;
  private final int first;
  private final double offset = ForecastSettings.defaults().logOffset();
  private final double[] sums;
  private final int[] averageSamples = new int[AVERAGE_MINUTES.length];

  HindsightFit(RateSeries series, int first) {
    this.series = series;
    this.first = first;
    this.sums = new double[series.size() + 1];
    for (int k = 0; k < series.size(); k++) {
      sums[k + 1] = sums[k] + series.rate(k);
    }
    for (int i = 0; i < AVERAGE_MINUTES.length; i++) {
      averageSamples[i] =
          (int) Math.max(1, Math.round(AVERAGE_MINUTES[i] * 60.0 / series.stepSeconds()));
    }
  }

  /** The in-sample sMAPE in percent of the fit for each horizon (seconds). */
  double[] smape(List<Long> horizons) {
    double[] result = new double[horizons.size()];
    for (int j = 0; j < result.length; j++) {
      int ahead = (int) (horizons.get(j) / series.stepSeconds());
      double[] coefficients = fit(ahead);
      Smape smape = new Smape();
      double[] x = new double[FEATURES];
      for (int k = first; k + ahead < series.size(); k++) {
        features(k, ahead, x);
        double log = 0;
        for (int i = 0; i < FEATURES; i++) {
          log += coefficients[i] * x[i];
        }
        smape.add(Math.max(0, Math.exp(log) - offset), series.rate(k + ahead));
      }
      result[j] = smape.percent();
    }
    return result;
  }

  private double[] fit(int ahead) {
    double[][] normal = new double[FEATURES][FEATURES + 1];
    double[] x = new double[FEATURES];
    for (int k = first; k + ahead < series.size(); k++) {
      features(k, ahead, x);
      double y = Math.log(series.rate(k + ahead) + offset);
      for (int r = 0; r < FEATURES; r++) {
        for (int c = 0; c < FEATURES; c++) {
          normal[r][c] += x[r] * x[c];
        }
        normal[r][FEATURES] += x[r] * y;
      }
    }
    return LeastSquares.solve(normal);
  }

  private void features(int k, int ahead, double[] x) {
    x[0] = 1;
    x[1] = Math.log(series.rate(k) + offset);
    for (int i = 0; i < AVERAGE_MINUTES.length; i++) {
      int from = Math.max(0, k + 1 - averageSamples[i]);
      x[2 + i] = Math.log((sums[k + 1] - sums[from]) / (k + 1 - from) + offset);
    }
    int day = (int) (WalkForward.DAY / series.stepSeconds());
    x[FEATURES - 1] = Math.log(series.rate(k + ahead - day) + offset);
  }
}
