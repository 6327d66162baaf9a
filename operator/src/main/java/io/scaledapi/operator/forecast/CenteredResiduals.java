package io.scaledapi.operator.forecast;

import java.util.Arrays;

/**
 * Each slot's deviation from the mean of the {@code period} slots centred on it, handed on once the
 * later half of them has arrived. A centred mean over exactly one period has the same value at
 * every phase of anything that repeats with that period or a divisor of it, so the deviations keep
 * such cycles whole while the slower daily swing, and any ramp, falls away. For an even period the
 * window is {@code period + 1} slots with half weight at both ends. A slot is used only when its
 * whole window is known.
 */
final class CenteredResiduals {

  private final double[] weights;
  private final double[] ring;
  private final int middle;
  private long latest = Long.MIN_VALUE;

  CenteredResiduals(int period) {
    int width = period % 2 == 0 ? period + 1 : period;
    this.weights = new double[width];
    Arrays.fill(weights, 1.0 / period);
    if (period % 2 == 0) {
      weights[0] = 0.5 / period;
      weights[width - 1] = 0.5 / period;
    }
    this.ring = new double[width];
    Arrays.fill(ring, Double.NaN);
    this.middle = width / 2;
  }

  /** Adds slot {@code index}, later than any before; hands on the residual that completes. */
  void slot(long index, double value, SlotSeries.Sink sink) {
    if (latest != Long.MIN_VALUE) {
      long missing = Math.min(index - latest - 1, ring.length);
      for (long i = 1; i <= missing; i++) {
        ring[at(latest + i)] = Double.NaN;
      }
    }
    ring[at(index)] = value;
    latest = index;
    long first = index - ring.length + 1;
    double mean = 0;
    for (int i = 0, at = at(first); i < ring.length; i++, at = at + 1 < ring.length ? at + 1 : 0) {
      if (Double.isNaN(ring[at])) {
        return;
      }
      mean += weights[i] * ring[at];
    }
    sink.slot(first + middle, ring[at(first + middle)] - mean);
  }

  private int at(long index) {
    return (int) Math.floorMod(index, (long) ring.length);
  }
}
