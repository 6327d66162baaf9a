package io.scaledapi.operator.forecast;

/**
 * Seasonal forecaster: a learned profile of the log rate over the season (see {@link
 * SeasonalProfile}) plus the recent deviation from it, an average with time constant {@code
 * deviationMemory}. It forecasts the profile at the target plus that deviation. The profile knows
 * where the day is going; the deviation says how far today is above or below a typical day. It only
 * asks for weight once it has seen a whole season.
 */
final class SeasonalMember implements Member, Baseline {

  private final SeasonalProfile profile;
  private final double seasonSeconds;
  private final double deviationTau;
  private double firstTime = Double.NaN;
  private double lastTime = Double.NaN;
  private double deviation;

  SeasonalMember(ForecastSettings settings) {
    this.seasonSeconds = TimeConstants.seconds(settings.seasonLength());
    this.profile =
        new SeasonalProfile(
            seasonSeconds, TimeConstants.seconds(settings.seasonSlot()), settings.seasonalGain());
    this.deviationTau = TimeConstants.seconds(settings.deviationMemory());
  }

  @Override
  public String name() {
    return "seasonal";
  }

  @Override
  public void observe(double time, double y) {
    if (Double.isNaN(firstTime)) {
      profile.fill(y);
      firstTime = time;
      lastTime = time;
      return;
    }
    double dt = time - lastTime;
    deviation += TimeConstants.gain(dt, deviationTau) * (y - profile.at(time) - deviation);
    profile.learn(time, y, Math.min(dt, profile.slotSeconds()));
    lastTime = time;
  }

  @Override
  public double expectedLogRate(double target) {
    return profile.at(target) + deviation;
  }

  /** The learned profile alone, without today's deviation. */
  @Override
  public double at(double time) {
    return profile.at(time);
  }

  @Override
  public boolean ready() {
    return lastTime - firstTime >= seasonSeconds;
  }
}
