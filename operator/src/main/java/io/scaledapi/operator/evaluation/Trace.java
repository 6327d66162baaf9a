package io.scaledapi.operator.evaluation;

/**
 * A request trace: {@code counts[i]} requests arrived in the bin {@code [start + i * bin, start +
 * (i + 1) * bin)}, times in seconds.
 */
public final class Trace {

  private final long start;
  private final long bin;
  private final double[] counts;

  public Trace(long start, long bin, double[] counts) {
    if (bin <= 0 || counts.length == 0) {
      throw new IllegalArgumentException("a trace needs a positive bin width and at least one bin");
    }
    this.start = start;
    this.bin = bin;
    this.counts = counts.clone();
  }

  public long start() {
    return start;
  }

  public long binSeconds() {
    return bin;
  }

  public int bins() {
    return counts.length;
  }

  /** Running sums: element {@code i} is the number of requests in the first {@code i} bins. */
  public double[] cumulative() {
    double[] sums = new double[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      sums[i + 1] = sums[i] + counts[i];
    }
    return sums;
  }
}
