package io.scaledapi.operator.forecast;

import java.util.Arrays;

/**
 * The most recent residuals, at most {@code capacity} of them, kept both in arrival order (to drop
 * the oldest) and sorted (to read quantiles without sorting on every forecast).
 */
final class ResidualWindow {

  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  ResidualWindow(int capacity) {
    this.ring = new double[capacity];
    this.sorted = new double[capacity];
  }

  int size() {
    return size;
  }

  /** Adds a residual, dropping the oldest when full. */
  void add(double residual) {
    if (size == ring.length) {
      int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    }
    ring[next] = residual;
    next = (next + 1) % ring.length;
    int at = Arrays.binarySearch(sorted, 0, size, residual);
    int insert = at >= 0 ? at : -at - 1;
    System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
    sorted[insert] = residual;
    size++;
  }

  /** The empirical quantile {@code q} in [0, 1], interpolated; needs at least one residual. */
  double quantile(double q) {
    if (size == 0) {
      throw new IllegalStateException("no residuals yet");
    }
    double position = q * (size - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, size - 1);
    double frac = position - low;
    return sorted[low] + frac * (sorted[high] - sorted[low]);
  }
}
