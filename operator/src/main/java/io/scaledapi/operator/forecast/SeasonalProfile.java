package io.scaledapi.operator.forecast;

import java.util.Arrays;

/**
 * The typical log rate at each phase of the season, held in slots and interpolated linearly between
 * slot centres. Each slot is a weighted average of the observations near its centre: an observation
 * teaches the two slots around its phase in proportion to its interpolation weight and to the time
 * it stands for, so irregular sampling weighs the same as regular sampling. A slot's first visits
 * are averaged plainly; after that it moves a share {@code gain} per season toward what it sees.
 */
final class SeasonalProfile {

  private final double season;
  private final double slot;
  private final double tau;
  private final double[] value;
  private final double[] exposure;

  SeasonalProfile(double seasonSeconds, double slotSeconds, double gain) {
    int slots = (int) Math.max(4, Math.round(seasonSeconds / slotSeconds));
    this.season = seasonSeconds;
    this.slot = seasonSeconds / slots;
    this.tau = slot / -Math.log1p(-gain);
    this.value = new double[slots];
    this.exposure = new double[slots];
  }

  /** The length of one slot in seconds. */
  double slotSeconds() {
    return slot;
  }

  /** Starts every slot at {@code y}, as not yet seen. */
  void fill(double y) {
    Arrays.fill(value, y);
    Arrays.fill(exposure, 0);
  }

  /** The profile's log rate at the phase of {@code time}. */
  double at(double time) {
    double x = position(time);
    double floor = Math.floor(x);
    double frac = x - floor;
    int first = index(floor);
    return (1 - frac) * value[first] + frac * value[(first + 1) % value.length];
  }

  /**
   * Moves the two slots around the phase of {@code time} toward {@code y}, each in proportion to
   * its interpolation weight; {@code weight} is the time the observation stands for, in seconds.
   */
  void learn(double time, double y, double weight) {
    double x = position(time);
    double floor = Math.floor(x);
    double frac = x - floor;
    int first = index(floor);
    teach(first, y, weight * (1 - frac));
    teach((first + 1) % value.length, y, weight * frac);
  }

  private void teach(int slotIndex, double y, double weight) {
    if (weight <= 0) {
      return;
    }
    double seen = exposure[slotIndex];
    double share = Math.max(TimeConstants.gain(weight, tau), weight / (seen + weight));
    value[slotIndex] += share * (y - value[slotIndex]);
    exposure[slotIndex] = Math.min(seen + weight, slot * 1000);
  }

  private double position(double time) {
    double phase = time - season * Math.floor(time / season);
    return phase / slot - 0.5;
  }

  private int index(double floor) {
    return Math.floorMod((long) floor, value.length);
  }
}
