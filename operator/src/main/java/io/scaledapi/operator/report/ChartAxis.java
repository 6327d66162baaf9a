package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value axis of a chart, from {@code bottom} to {@code top}: linear, with round ticks, or
 * logarithmic over whole decades for values such as queue waits or shares of requests that span
 * several; on a log axis values below the bottom sit on it.
 */
record ChartAxis(double bottom, double top, boolean log) {

  /** From zero to a round number at or above {@code max}. */
  static ChartAxis linear(double max) {
    return fitted(0, Math.max(0, max));
  }

  /**
   * From a round number at or below {@code min} to one at or above {@code max}, four or five ticks
   * apart: an axis fitted to the data rather than one from zero.
   */
  static ChartAxis fitted(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
      return new ChartAxis(0, 1, false);
    }
    if (max == min) {
      double pad = max == 0 ? 1 : Math.abs(max) / 10;
      return fitted(Math.max(0, min - pad), max + pad);
    }
    double step = niceTop((max - min) / 4);
    double bottom = Math.floor(min / step + 1e-9) * step;
    double top = Math.ceil(max / step - 1e-9) * step;
    return new ChartAxis(bottom, top, false);
  }

  /**
   * Powers of ten from at or below {@code floor} to at or above {@code max}, one decade at least.
   */
  static ChartAxis log(double floor, double max) {
    double bottom = Math.pow(10, Math.floor(Math.log10(floor) + 1e-9));
    double top = Math.pow(10, Math.ceil(Math.log10(Math.max(max, bottom * 10)) - 1e-9));
    return new ChartAxis(bottom, top, true);
  }

  boolean isLog() {
    return log;
  }

  /** Where {@code value} sits: 0 at the bottom, 1 at the top, clamped. */
  double fraction(double value) {
    double f =
        log
            ? Math.log10(Math.max(value, bottom) / bottom) / Math.log10(top / bottom)
            : (value - bottom) / (top - bottom);
    return Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
  }

  /** The values to mark: every power of ten, or round steps about a quarter of the range apart. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    if (log) {
      for (double v = bottom; v <= top * 1.0001; v *= 10) {
        ticks.add(v);
      }
      return ticks;
    }
    double step = niceTop((top - bottom) / 4);
    for (int k = 0; bottom + k * step <= top + step * 1e-9; k++) {
      ticks.add(bottom + k * step);
    }
    return ticks;
  }

  /** A tick's label: {@code 0}, {@code 2.5}, {@code 250k}, {@code 6.5M}; {@code ≤ } the floor. */
  String label(double tick) {
    // on a log scale the bottom line also holds every smaller value, zero included
    String prefix = log && tick == bottom ? "≤ " : "";
    return prefix + compact(tick);
  }

  /** A number in few characters: {@code 0.01}, {@code 40}, {@code 250k}, {@code 6.5M}. */
  static String compact(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e6) {
      return Comparison.number(round(value / 1e6)) + "M";
    }
    if (abs >= 1e4) {
      return Comparison.number(round(value / 1e3)) + "k";
    }
    return Comparison.number(Double.parseDouble(String.format(Locale.ROOT, "%.6g", value)));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
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
