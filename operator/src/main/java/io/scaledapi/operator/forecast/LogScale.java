package io.scaledapi.operator.forecast;

/** Conversions between rates and the log space the members work in. */
final class LogScale {

  private final double offset;

  LogScale(double offset) {
    this.offset = offset;
  }

  /** The log of {@code rate + offset}. */
  double toLog(double rate) {
    return Math.log(rate + offset);
  }

  /** The rate for a log value: never negative, never infinite. */
  double toRate(double log) {
    double rate = Math.exp(log) - offset;
    if (!(rate > 0)) {
      return 0;
    }
    return Math.min(rate, Double.MAX_VALUE);
  }

  /** The symmetric absolute percentage error of one forecast: 2|f - a| / (f + a), 0 when both 0. */
  static double smape(double forecast, double actual) {
    double sum = Math.abs(forecast) + Math.abs(actual);
    return sum == 0 ? 0 : 2 * Math.abs(forecast - actual) / sum;
  }
}
