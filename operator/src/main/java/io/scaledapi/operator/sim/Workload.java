package io.scaledapi.operator.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Requests arriving in each second of a run: {@code arrivals[t]} requests arrive, spread evenly,
 * during second {@code [t, t + 1)} after {@code start}.
 *
 * @param name what the workload is, for reports ("nasa-1995-07.csv x40")
 * @param start the wall-clock time of second 0; policies see times from it, so daily cycles line up
 */
public record Workload(String name, Instant start, double[] arrivals) {

  public Workload {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    arrivals = arrivals.clone();
    if (arrivals.length == 0) {
      throw new IllegalArgumentException("a workload needs at least one second of arrivals");
    }
    for (double a : arrivals) {
      if (!(a >= 0) || Double.isInfinite(a)) {
        throw new IllegalArgumentException("arrivals must be finite and non-negative: " + a);
      }
    }
  }

  public int seconds() {
    return arrivals.length;
  }

  public double at(long second) {
    return arrivals[(int) second];
  }

  @Override
  public double[] arrivals() {
    return arrivals.clone();
  }

  /** Equal when the name, start and every second's arrivals are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Workload w
        && name.equals(w.name)
        && start.equals(w.start)
        && Arrays.equals(arrivals, w.arrivals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, start, Arrays.hashCode(arrivals));
  }

  @Override
  public String toString() {
    return "Workload[" + name + ", from " + start + ", " + arrivals.length + " s]";
  }
}
