package io.scaledapi.operator.forecast;

import java.util.List;

/** The forecasters the operator uses. */
public final class Forecasters {

  private Forecasters() {}

  /**
   * The standard forecaster: an ensemble of a seasonal member (a learned profile over {@code
   * seasonLength} plus today's deviation from it) and a short-term level-and-damped-trend member on
   * the deviation from that profile, each weighted by its recent error at about the requested
   * horizon. Cycles shorter than a day, such as surges at the top of every hour, are learned apart
   * and added to every member's forecast once the data show them clearly.
   */
  public static RateForecaster standard(ForecastSettings settings) {
    SeasonalMember seasonal = new SeasonalMember(settings);
    // the seasonal member observes first, so the trend member reads an up-to-date baseline
    return new EnsembleForecaster(
        settings,
        List.of(seasonal, new TrendMember(settings, seasonal), new LastValueMember(seasonal)),
        new SubDailyCycles(settings));
  }
}
