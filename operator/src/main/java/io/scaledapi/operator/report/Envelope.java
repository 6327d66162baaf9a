package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A series squeezed into the pixel columns of a chart without hiding its peaks: each column keeps
 * the least and the most of the points it covers, so that a spike one point wide still reaches its
 * height. Where there are fewer points than columns each point is a column of its own.
 */
final class Envelope {

  /**
   * One column: where it sits across the span, from 0 to 1, and the least and most of its points.
   */
  record Column(double at, double min, double max) {}

  private Envelope() {}

  /**
   * The columns of {@code values[from, to)} for a chart {@code width} columns wide, in order, split
   * where a value is not a finite number: each run of finite values is a list of its own.
   */
  static List<List<Column>> of(double[] values, int from, int to, int width) {
    List<List<Column>> runs = new ArrayList<>();
    int n = to - from;
    if (n <= 0 || width <= 0) {
      return runs;
    }
    int columns = Math.min(n, width);
    List<Column> run = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      int first = from + (int) ((long) c * n / columns);
      int last = from + (int) ((long) (c + 1) * n / columns);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      boolean gap = false;
      for (int i = first; i < last; i++) {
        if (Double.isFinite(values[i])) {
          min = Math.min(min, values[i]);
          max = Math.max(max, values[i]);
        } else {
          gap = true;
        }
      }
      boolean any = min <= max;
      if (any) {
        // a column is placed at the middle of the points it covers
        run.add(new Column(((first + last) / 2.0 - from) / n, min, max));
      }
      if (gap || !any) {
        if (!run.isEmpty()) {
          runs.add(run);
        }
        run = new ArrayList<>();
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }
}
