package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of a run during which the modelled Prometheus is down: from second {@code from} of the
 * run, for {@code duration}. While it is down it neither scrapes nor answers: every query a policy
 * sends it fails ({@link Metrics.Unavailable}), and the scrapes it would have taken are missing
 * afterwards, as after a real Prometheus was down. The cluster itself (arrivals, queue, serving) is
 * not affected.
 *
 * @param from when it starts, counted from the run's second 0; whole seconds
 * @param duration how long it lasts; whole seconds, at least one
 */
public record MetricsOutage(Duration from, Duration duration) {

  public MetricsOutage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(duration, "duration");
    if (from.isNegative() || from.getNano() != 0) {
      throw new IllegalArgumentException(
          "an outage starts at a whole second of the run, 0 or later: " + from);
    }
    if (duration.toSeconds() < 1 || duration.getNano() != 0) {
      throw new IllegalArgumentException(
          "an outage lasts a whole number of seconds, at least one: " + duration);
    }
  }

  /** The run's first second without Prometheus. */
  public long startSecond() {
    return from.toSeconds();
  }

  /** The run's first second with Prometheus back. */
  public long endSecond() {
    return startSecond() + duration.toSeconds();
  }

  /** Whether Prometheus is down during second {@code t}. */
  public boolean covers(long t) {
    return t >= startSecond() && t < endSecond();
  }

  /**
   * {@code outages} in time order.
   *
   * @throws IllegalArgumentException when two overlap or touch
   */
  static List<MetricsOutage> ordered(List<MetricsOutage> outages) {
    overlapping(outages)
        .ifPresent(
            pair -> {
              throw new IllegalArgumentException(
                  "metrics outages must not overlap or touch: "
                      + pair.get(0)
                      + " and "
                      + pair.get(1));
            });
    return sorted(outages);
  }

  /** The first two of {@code outages}, in time order, that overlap or touch; empty if none. */
  public static Optional<List<MetricsOutage>> overlapping(List<MetricsOutage> outages) {
    List<MetricsOutage> sorted = sorted(outages);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).startSecond() <= sorted.get(i - 1).endSecond()) {
        return Optional.of(List.of(sorted.get(i - 1), sorted.get(i)));
      }
    }
    return Optional.empty();
  }

  /** One outage from this one's start to the later end of this and {@code later}. */
  public MetricsOutage joinedWith(MetricsOutage later) {
    long end = Math.max(endSecond(), later.endSecond());
    return new MetricsOutage(from, Duration.ofSeconds(end - startSecond()));
  }

  private static List<MetricsOutage> sorted(List<MetricsOutage> outages) {
    List<MetricsOutage> sorted = new ArrayList<>(outages);
    sorted.forEach(o -> Objects.requireNonNull(o, "outage"));
    sorted.sort(Comparator.comparing(MetricsOutage::from));
    return List.copyOf(sorted);
  }

  /** The outage covering second {@code t} among {@code outages}, if any. */
  static Optional<MetricsOutage> at(List<MetricsOutage> outages, long t) {
    for (MetricsOutage outage : outages) {
      if (outage.covers(t)) {
        return Optional.of(outage);
      }
    }
    return Optional.empty();
  }

  /** As the command line writes it, start and length: {@code 2h+10m}, {@code 1h30m+45s}. */
  public String label() {
    return span(startSecond()) + "+" + span(duration.toSeconds());
  }

  @Override
  public String toString() {
    return label();
  }

  /** Whole seconds in days, hours, minutes and seconds: {@code 0}, {@code 90s} as {@code 1m30s}. */
  public static String span(long seconds) {
    if (seconds == 0) {
      return "0";
    }
    StringBuilder text = new StringBuilder();
    long rest = seconds;
    long[] units = {86_400, 3600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        text.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    return text.toString();
  }
}
