package io.scaledapi.operator.evaluation;

/**
 * The arrival rate the operator would read from a trace: every {@code step} seconds, the requests
 * of the last {@code window} seconds divided by the window, as PromQL's {@code rate(x[1m])} on a
 * counter. Sample {@code k} is taken at {@code time(k)}, the end of its window.
 */
public final class RateSeries {

  private final long first;
  private final long step;
  private final double[] rates;

  private RateSeries(long first, long step, double[] rates) {
    this.first = first;
    this.step = step;
    this.rates = rates;
  }

  /**
   * The rate series of {@code trace}.
   *
   * @throws IllegalArgumentException when the window or step is not a positive multiple of the
   *     trace's bin width, or the window is longer than the trace
   */
  public static RateSeries of(Trace trace, long window, long step) {
    long bin = trace.binSeconds();
    multipleOfBin("--window", window, bin);
    multipleOfBin("--step", step, bin);
    int windowBins = (int) (window / bin);
    int stepBins = (int) (step / bin);
    if (windowBins > trace.bins()) {
      throw new IllegalArgumentException(
          "--window "
              + window
              + "s is longer than the trace ("
              + trace.bins() * bin
              + " s); use a shorter window");
    }
    double[] sums = trace.cumulative();
    double[] rates = new double[(trace.bins() - windowBins) / stepBins + 1];
    for (int k = 0; k < rates.length; k++) {
      int from = k * stepBins;
      rates[k] = (sums[from + windowBins] - sums[from]) / window;
    }
    return new RateSeries(trace.start() + window, step, rates);
  }

  /** The default sampling step: 15 s, or the bin width if larger, as a multiple of the bin. */
  public static long defaultStep(long bin) {
    return bin >= 15 ? bin : (15 + bin - 1) / bin * bin;
  }

  public int size() {
    return rates.length;
  }

  public long stepSeconds() {
    return step;
  }

  /** The time of sample {@code k} in the trace's seconds. */
  public long time(int k) {
    return first + k * step;
  }

  double rate(int k) {
    return rates[k];
  }

  private static void multipleOfBin(String option, long seconds, long bin) {
    if (seconds <= 0 || seconds % bin != 0) {
      long suggestion = Math.max(bin, Math.round((double) seconds / bin) * bin);
      throw new IllegalArgumentException(
          option
              + " "
              + seconds
              + "s must be a positive multiple of the trace's "
              + bin
              + " s bins; try "
              + option
              + " "
              + suggestion
              + "s");
    }
  }
}
