package io.scaledapi.operator.evaluation;

/**
 * A running symmetric mean absolute percentage error: the mean of {@code 2|F - A| / (|F| + |A|)}, a
 * pair that is 0 on both sides counting as no error.
 */
final class Smape {

  private double sum;
  private long count;

  void add(double forecast, double actual) {
    double scale = Math.abs(forecast) + Math.abs(actual);
    sum += scale == 0 ? 0 : 2 * Math.abs(forecast - actual) / scale;
    count++;
  }

  long count() {
    return count;
  }

  /** The mean as a percent (0 to 200); NaN before anything was added. */
  double percent() {
    return count == 0 ? Double.NaN : 100 * sum / count;
  }
}
