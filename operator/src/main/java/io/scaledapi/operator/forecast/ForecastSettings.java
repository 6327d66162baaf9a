package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the standard forecaster learns. Smoothing is expressed as time constants (the time over which
 * an old observation's weight falls to 1/e), so the forecaster behaves the same whether it is fed
 * every 15 seconds or every minute.
 *
 * @param seasonLength the period of the seasonal pattern: 24 h for a daily cycle, 168 h for weekly
 * @param seasonSlot the resolution of the learned seasonal profile (interpolated between slots)
 * @param seasonalGain how far the profile moves toward what one new season showed, in (0, 1)
 * @param warmUp how much history the forecaster needs before it forecasts at all
 * @param staleAfter how old the last observation may be for a forecast to be made; also the largest
 *     gap between observations over which a forecast is scored
 * @param logOffset added to the rate before taking its logarithm (requests per second), so that
 *     rates near zero are handled additively and noise at low rates is damped
 * @param levelMemory time constant of the short-term level
 * @param trendMemory time constant of the short-term trend
 * @param trendDamping time constant over which a trend fades when extrapolated
 * @param deviationMemory time constant of the seasonal member's deviation from its profile
 * @param errorHorizons the horizons at which each member's recent error is tracked; a forecast uses
 *     the nearest one
 * @param errorMemory time constant of the recent-error averages that weight the members
 * @param residualCapacity how many recent residuals per horizon the band is drawn from
 * @param cyclePeriods the candidate periods of cycles shorter than a day, such as surges at the top
 *     of every hour from clients on a schedule; a period is used only while the data show it
 *     clearly. Each must be a multiple of {@code cycleSlot}, at least two slots long, and divide
 *     the longest, which must divide a day and hold at most 720 slots. Empty turns cycles off.
 * @param cycleSlot the resolution of the learned cycles (interpolated between slots)
 * @param cycleMemory time constant over which the learned cycles forget
 */
public record ForecastSettings(
    Duration seasonLength,
    Duration seasonSlot,
    double seasonalGain,
    Duration warmUp,
    Duration staleAfter,
    double logOffset,
    Duration levelMemory,
    Duration trendMemory,
    Duration trendDamping,
    Duration deviationMemory,
    List<Duration> errorHorizons,
    Duration errorMemory,
    int residualCapacity,
    List<Duration> cyclePeriods,
    Duration cycleSlot,
    Duration cycleMemory) {

  /** The most slots the longest cycle period may hold, which bounds memory and work. */
  static final int MAX_CYCLE_SLOTS = 720;

  /** Checks every setting, naming the one that is out of range. */
  public ForecastSettings {
    positive("seasonLength", seasonLength);
    positive("seasonSlot", seasonSlot);
    if (seasonSlot.multipliedBy(4).compareTo(seasonLength) > 0) {
      throw new IllegalArgumentException(
          "seasonSlot "
              + seasonSlot
              + " must be at most a quarter of seasonLength "
              + seasonLength);
    }
    if (!(seasonalGain > 0 && seasonalGain < 1)) {
      throw new IllegalArgumentException("seasonalGain must be in (0, 1), got " + seasonalGain);
    }
    positive("warmUp", warmUp);
    positive("staleAfter", staleAfter);
    if (!(logOffset > 0 && Double.isFinite(logOffset))) {
      throw new IllegalArgumentException("logOffset must be positive, got " + logOffset);
    }
    positive("levelMemory", levelMemory);
    positive("trendMemory", trendMemory);
    positive("trendDamping", trendDamping);
    positive("deviationMemory", deviationMemory);
    errorHorizons = List.copyOf(errorHorizons);
    if (errorHorizons.isEmpty()) {
      throw new IllegalArgumentException("errorHorizons must name at least one horizon");
    }
    for (int i = 0; i < errorHorizons.size(); i++) {
      positive("errorHorizons[" + i + "]", errorHorizons.get(i));
      if (i > 0 && errorHorizons.get(i).compareTo(errorHorizons.get(i - 1)) <= 0) {
        throw new IllegalArgumentException("errorHorizons must be in increasing order");
      }
    }
    positive("errorMemory", errorMemory);
    if (residualCapacity < 20) {
      throw new IllegalArgumentException(
          "residualCapacity must be at least 20, got " + residualCapacity);
    }
    positive("cycleSlot", cycleSlot);
    positive("cycleMemory", cycleMemory);
    cyclePeriods = List.copyOf(cyclePeriods);
    checkCyclePeriods(cyclePeriods, cycleSlot);
  }

  /** The defaults: a daily season, 30 minutes of warm-up. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(
        Duration.ofHours(24),
        Duration.ofMinutes(15),
        0.2,
        Duration.ofMinutes(30),
        Duration.ofMinutes(15),
        0.5,
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30),
        List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1)),
        Duration.ofHours(1),
        256,
        Stream.of(5, 10, 15, 20, 30, 60, 120).map(Duration::ofMinutes).toList(),
        Duration.ofSeconds(30),
        Duration.ofHours(24));
  }

  /** These settings with another season length, such as 168 hours for a weekly pattern. */
  public ForecastSettings withSeasonLength(Duration length) {
    return new ForecastSettings(
        length,
        seasonSlot,
        seasonalGain,
        warmUp,
        staleAfter,
        logOffset,
        levelMemory,
        trendMemory,
        trendDamping,
        deviationMemory,
        errorHorizons,
        errorMemory,
        residualCapacity,
        cyclePeriods,
        cycleSlot,
        cycleMemory);
  }

  /** These settings with another warm-up. */
  public ForecastSettings withWarmUp(Duration duration) {
    return new ForecastSettings(
        seasonLength,
        seasonSlot,
        seasonalGain,
        duration,
        staleAfter,
        logOffset,
        levelMemory,
        trendMemory,
        trendDamping,
        deviationMemory,
        errorHorizons,
        errorMemory,
        residualCapacity,
        cyclePeriods,
        cycleSlot,
        cycleMemory);
  }

  /** These settings with other candidate periods of sub-daily cycles; none turns them off. */
  public ForecastSettings withCyclePeriods(List<Duration> periods) {
    return new ForecastSettings(
        seasonLength,
        seasonSlot,
        seasonalGain,
        warmUp,
        staleAfter,
        logOffset,
        levelMemory,
        trendMemory,
        trendDamping,
        deviationMemory,
        errorHorizons,
        errorMemory,
        residualCapacity,
        periods,
        cycleSlot,
        cycleMemory);
  }

  private static void checkCyclePeriods(List<Duration> periods, Duration slot) {
    if (periods.isEmpty()) {
      return;
    }
    for (int i = 0; i < periods.size(); i++) {
      positive("cyclePeriods[" + i + "]", periods.get(i));
      if (i > 0 && periods.get(i).compareTo(periods.get(i - 1)) <= 0) {
        throw new IllegalArgumentException("cyclePeriods must be in increasing order");
      }
    }
    Duration longest = periods.get(periods.size() - 1);
    for (int i = 0; i < periods.size(); i++) {
      Duration period = periods.get(i);
      String name = "cyclePeriods[" + i + "] " + period;
      if (!isMultiple(period, slot) || period.compareTo(slot.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException(
            name + " must be a multiple of cycleSlot " + slot + ", at least two slots long");
      }
      if (!isMultiple(longest, period)) {
        throw new IllegalArgumentException(name + " must divide the longest, " + longest);
      }
    }
    if (!isMultiple(Duration.ofDays(1), longest)) {
      throw new IllegalArgumentException(
          "the longest of cyclePeriods, " + longest + ", must divide a day");
    }
    if (longest.dividedBy(slot) > MAX_CYCLE_SLOTS) {
      throw new IllegalArgumentException(
          "the longest of cyclePeriods, "
              + longest
              + ", must hold at most "
              + MAX_CYCLE_SLOTS
              + " slots of cycleSlot "
              + slot);
    }
  }

  private static boolean isMultiple(Duration value, Duration unit) {
    return value.toNanos() % unit.toNanos() == 0;
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
