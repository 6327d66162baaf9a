package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Arrays;

/**
 * The average of per-second stats over a window, as {@code TimedFloat64Buckets} in knative/serving
 * {@code pkg/autoscaler/aggregation/bucketing.go} with the 1 s bucket size of {@code
 * pkg/autoscaler/config/config.go}: values add into the bucket of their second, a gap shorter than
 * the window counts as zeros, a gap of a whole window starts over, and the average divides by the
 * buckets since the first write (at most the window), so a young window is not diluted.
 */
final class KnativeWindow {

  /** Averages are rounded to this many decimals ({@code precision} in bucketing.go). */
  private static final double ROUNDING = 1e6;

  private final double[] buckets;
  private boolean written;
  private long firstWrite;
  private long lastWrite;
  private double total;

  KnativeWindow(Duration window) {
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("a window needs at least one second: " + window);
    }
    this.buckets = new double[(int) window.toSeconds()];
  }

  /** Adds {@code value} to second {@code t}'s bucket ({@code Record}). */
  void record(long t, double value) {
    int size = buckets.length;
    if (!written || t - lastWrite >= size) {
      Arrays.fill(buckets, 0);
      total = 0;
      firstWrite = t;
      lastWrite = t;
      written = true;
    } else if (t > lastWrite) {
      for (long s = lastWrite + 1; s <= t; s++) {
        total -= buckets[index(s)];
        buckets[index(s)] = 0;
      }
      lastWrite = t;
    } else if (lastWrite - t >= size) {
      return; // older than the window
    } else if (t < firstWrite) {
      firstWrite = t;
    }
    buckets[index(t)] += value;
    total += value;
  }

  /** The window's average at {@code now} ({@code WindowAverage}); 0 after a window without data. */
  double average(long now) {
    int size = buckets.length;
    long sinceWrite = now - lastWrite;
    if (!written || sinceWrite >= size) {
      return 0;
    }
    long valid = lastWrite - firstWrite + 1;
    if (sinceWrite <= 0) {
      return round(total / Math.min(valid, size));
    }
    double sum = total;
    for (long s = lastWrite + 1; s <= now; s++) {
      sum -= buckets[index(s)];
    }
    return round(sum / Math.min(valid, size - sinceWrite));
  }

  private int index(long second) {
    return (int) Math.floorMod(second, (long) buckets.length);
  }

  private static double round(double value) {
    return Math.round(value * ROUNDING) / ROUNDING;
  }
}
