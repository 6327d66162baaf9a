package io.scaledapi.operator.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Workloads that need no input file, each the same for the same seed:
 *
 * <ul>
 *   <li>{@code daily-spikes} (the default): seven days, one value a second, of a daily cycle
 *       between about 30 and 300 requests per second with a morning climb, noise, and several
 *       sudden spikes of 3 to 8 times the traffic lasting minutes, as API traffic has;
 *   <li>{@code step}: one hour, 20 requests per second for 15 minutes and then 200; no noise, for
 *       tests and demonstrations;
 *   <li>{@code cron-surges}: seven days, one value a second, of the same daily cycle and noise
 *       without the random spikes, plus surges from clients on a schedule: 2 to 4 times the traffic
 *       for 3 to 5 minutes at the top of every hour, and 1.3 to 1.8 times at every half hour;
 *   <li>{@code scheduled-ramp}: seven days, one value a second, of the same daily cycle and noise
 *       without the random spikes, plus an event every day at 19:00: the traffic climbs to about 5
 *       times within 2 to 3 minutes and stays there for 20 to 40 minutes.
 * </ul>
 *
 * They are synthetic and have no date: the policies' clock starts on Monday 2024-01-01 at 00:00
 * UTC, so that day one starts at midnight, and output counts time from t = 0.
 */
public final class BuiltInWorkloads {

  /** The workload {@code simulate} runs when given none. */
  public static final String DEFAULT = "daily-spikes";

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static final String CRON_SURGES = "cron-surges";
  private static final String SCHEDULED_RAMP = "scheduled-ramp";
  private static final int WEEK = 7;
  private static final int STEP_SECONDS = 3600;
  private static final int STEP_AT = 900;

  private BuiltInWorkloads() {}

  /** The names {@link #named} knows, the default first. */
  public static List<String> names() {
    return List.of(DEFAULT, "step", CRON_SURGES, SCHEDULED_RAMP);
  }

  /**
   * The built-in workload {@code name}, its rates multiplied by {@code rateScale}.
   *
   * @throws IllegalArgumentException for an unknown name or a scale that is not a positive number
   */
  public static Workload named(String name, long seed, double rateScale) {
    if (!(rateScale > 0) || Double.isInfinite(rateScale)) {
      throw new IllegalArgumentException("rateScale must be a positive number: " + rateScale);
    }
    String scaled = rateScale == 1 ? "" : " x" + rateScale;
    return switch (name) {
      case DEFAULT ->
          new Workload(
              DEFAULT + " (seed " + seed + ")" + scaled,
              START,
              DailySpikes.arrivals(seed, rateScale, WEEK));
      case "step" -> new Workload("step" + scaled, START, step(rateScale));
      case CRON_SURGES ->
          new Workload(
              CRON_SURGES + " (seed " + seed + ")" + scaled,
              START,
              CronSurges.arrivals(seed, rateScale, WEEK));
      case SCHEDULED_RAMP ->
          new Workload(
              SCHEDULED_RAMP + " (seed " + seed + ")" + scaled,
              START,
              ScheduledRamp.arrivals(seed, rateScale, WEEK));
      default ->
          throw new IllegalArgumentException(
              "no built-in workload named '" + name + "'; known: " + String.join(", ", names()));
    };
  }

  private static double[] step(double rateScale) {
    double[] arrivals = new double[STEP_SECONDS];
    Arrays.fill(arrivals, 0, STEP_AT, 20 * rateScale);
    Arrays.fill(arrivals, STEP_AT, STEP_SECONDS, 200 * rateScale);
    return arrivals;
  }
}
