package io.scaledapi.operator.forecast;

/**
 * Turns observations at irregular times into one value per slot of absolute time (slot {@code i}
 * covers {@code [i * slot, (i + 1) * slot)} seconds): the mean of the observations in the slot, or,
 * for a slot without any, the value interpolated at its centre between the observations on either
 * side when they are at most {@code maxGap} apart. Completed slots are handed on in order; a slot
 * that could not be filled is skipped, so the receiver sees a gap in the indices.
 */
final class SlotSeries {

  /** Receives each completed slot. */
  interface Sink {
    void slot(long index, double value);
  }

  private final double slot;
  private final double maxGap;
  private long current;
  private double sum;
  private int count;
  private double lastTime = Double.NaN;
  private double last;

  SlotSeries(double slotSeconds, double maxGapSeconds) {
    this.slot = slotSeconds;
    this.maxGap = maxGapSeconds;
  }

  /** Adds an observation later than any before, completing the slots before its own. */
  void observe(double time, double y, Sink sink) {
    long index = (long) Math.floor(time / slot);
    if (Double.isNaN(lastTime)) {
      current = index;
    } else if (index > current) {
      boolean bridged = time - lastTime <= maxGap;
      if (count > 0) {
        sink.slot(current, sum / count);
      } else if (bridged) {
        sink.slot(current, interpolated(current, time, y));
      }
      // a bridged gap spans at most maxGap / slot slots, which bounds this loop
      for (long skipped = current + 1; bridged && skipped < index; skipped++) {
        sink.slot(skipped, interpolated(skipped, time, y));
      }
      current = index;
      sum = 0;
      count = 0;
    }
    sum += y;
    count++;
    lastTime = time;
    last = y;
  }

  private double interpolated(long index, double time, double y) {
    double centre = (index + 0.5) * slot;
    return last + (y - last) * (centre - lastTime) / (time - lastTime);
  }
}
