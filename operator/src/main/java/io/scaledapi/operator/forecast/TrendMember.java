package io.scaledapi.operator.forecast;

/**
 * Level plus damped trend in continuous time, for following ramps. After {@code dt} seconds the
 * level moves a share {@code 1 - exp(-dt / levelMemory)} of the way to the observation; the trend
 * (log units per second) follows the level's slope with time constant {@code trendMemory}, and when
 * extrapolated it fades with time constant {@code trendDamping}, so a forecast never runs away.
 *
 * <p>The trend is used in proportion to its significance: {@code T * T² / (T² + (3 s)²)}, where
 * {@code s} is the trend's root mean square over the last hour. The everyday wobble of a noisy rate
 * is so mostly ignored, while a real ramp, many times larger than that wobble, is followed.
 *
 * <p>Once the seasonal baseline has seen a whole season, level and trend follow the rate's
 * deviation from it, and a forecast adds the baseline at the target back. Without that, the member
 * would forecast a flat night right up to the morning's rise: its recent error there is the
 * smallest, so it would win the ensemble exactly when the rise is predictable.
 */
final class TrendMember implements Member {

  private static final double SIGNIFICANCE = 3;
  private static final double WOBBLE_MEMORY = 3600;

  private final double levelTau;
  private final double trendTau;
  private final double dampingTau;
  private final Baseline baseline;
  private boolean adjusted;
  private double lastTime = Double.NaN;
  private double level;
  private double trend;
  private double trendSquare;

  TrendMember(ForecastSettings settings, Baseline baseline) {
    this.baseline = baseline;
    this.levelTau = TimeConstants.seconds(settings.levelMemory());
    this.trendTau = TimeConstants.seconds(settings.trendMemory());
    this.dampingTau = TimeConstants.seconds(settings.trendDamping());
  }

  @Override
  public String name() {
    return "trend";
  }

  @Override
  public void observe(double time, double y) {
    if (!adjusted && baseline.ready()) {
      // from now on in deviations from the baseline: move the level over, keep the slope
      adjusted = true;
      if (!Double.isNaN(lastTime)) {
        level -= baseline.at(lastTime);
      }
    }
    if (adjusted) {
      y -= baseline.at(time);
    }
    if (Double.isNaN(lastTime)) {
      level = y;
      lastTime = time;
      return;
    }
    double dt = time - lastTime;
    double expected = level + significantTrend() * drift(dt);
    double newLevel = expected + TimeConstants.gain(dt, levelTau) * (y - expected);
    double faded = trend * Math.exp(-dt / dampingTau);
    double slope = (newLevel - level) / dt;
    trend = faded + TimeConstants.gain(dt, trendTau) * (slope - faded);
    trendSquare += TimeConstants.gain(dt, WOBBLE_MEMORY) * (trend * trend - trendSquare);
    level = newLevel;
    lastTime = time;
  }

  @Override
  public double expectedLogRate(double target) {
    double own = level + significantTrend() * drift(Math.max(0, target - lastTime));
    return adjusted ? own + baseline.at(target) : own;
  }

  @Override
  public boolean ready() {
    return !Double.isNaN(lastTime);
  }

  private double significantTrend() {
    double square = trend * trend;
    if (square == 0) {
      return 0;
    }
    return trend * square / (square + SIGNIFICANCE * SIGNIFICANCE * trendSquare);
  }

  /** How far a trend of one unit per second carries in {@code ahead} seconds as it fades. */
  private double drift(double ahead) {
    return -dampingTau * Math.expm1(-ahead / dampingTau);
  }
}
