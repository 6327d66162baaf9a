package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a chart: linear from zero to {@code top}, or logarithmic from {@code floor} to
 * {@code top} when {@code floor} is positive, for values such as queue waits that span milliseconds
 * to minutes. Values below the floor sit on it.
 */
record ChartAxis(double top, double floor) {

  /** From zero to a round number at or above {@code max}. */
  static ChartAxis linear(double max) {
    return new ChartAxis(niceTop(max), 0);
  }

  /**
   * Powers of ten from at or below {@code floor} to at or above {@code max}, one decade at least.
   */
  static ChartAxis log(double floor, double max) {
    double bottom = Math.pow(10, Math.floor(Math.log10(floor)));
    double top = Math.pow(10, Math.ceil(Math.log10(Math.max(max, bottom * 10))));
    return new ChartAxis(top, bottom);
  }

  boolean isLog() {
    return floor > 0;
  }

  /** Where {@code value} sits: 0 at the bottom, 1 at the top, clamped. */
  double fraction(double value) {
    double f =
        isLog()
            ? Math.log10(Math.max(value, floor) / floor) / Math.log10(top / floor)
            : value / top;
    return Math.max(0, Math.min(1, f));
  }

  /** The values to mark: five evenly, or every power of ten. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    if (isLog()) {
      for (double v = floor; v <= top * 1.0001; v *= 10) {
        ticks.add(v);
      }
    } else {
      for (int k = 0; k <= 4; k++) {
        ticks.add(top * k / 4);
      }
    }
    return ticks;
  }

  /**
   * The smallest of 1, 2, 2.5, 5 or 10 times a power of ten at or above {@code max}; 1 for none.
   */
  static double niceTop(double max) {
    if (!(max > 0) || Double.isInfinite(max)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5}) {
      if (m * magnitude >= max * (1 - 1e-12)) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** The largest finite value of {@code values}, or 0. */
  static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}
