package io.scaledapi.operator.forecast;

/**
 * The latest observation carried forward, plus the baseline's change from now to the target once
 * the baseline has seen a whole season. It wins where the rate is already smooth, for example when
 * the query averages over a long {@code rate()} window, and smoothing again would only lag.
 */
final class LastValueMember implements Member {
  private final Baseline baseline;
  private double lastTime = Double.NaN;
  private double last;

  LastValueMember(Baseline baseline) {
    this.baseline = baseline;
  }

  @Override
  public String name() {
    return "last";
  }

  @Override
  public void observe(double time, double y) {
    lastTime = time;
    last = y;
  }

  @Override
  public double expectedLogRate(double target) {
    return baseline.ready() ? last + baseline.at(target) - baseline.at(lastTime) : last;
  }

  @Override
  public boolean ready() {
    return !Double.isNaN(lastTime);
  }
}
