package io.scaledapi.operator.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-step series of one run for charts, downsampled to at most a few thousand points: each point
 * covers {@code stepSeconds} seconds (the mean for rates and replicas, the maximum for waits).
 *
 * @param replicas replicas running or starting
 * @param ready replicas serving
 * @param queueWait the longest queue wait of the requests served in the step, seconds
 */
public record Series(
    long stepSeconds, double[] arrivalRate, double[] replicas, double[] ready, double[] queueWait) {

  /** How many points the series has. */
  public int points() {
    return arrivalRate.length;
  }

  /** Equal when every point is: two runs with the same inputs give equal series. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && stepSeconds == s.stepSeconds
        && Arrays.equals(arrivalRate, s.arrivalRate)
        && Arrays.equals(replicas, s.replicas)
        && Arrays.equals(ready, s.ready)
        && Arrays.equals(queueWait, s.queueWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        stepSeconds,
        Arrays.hashCode(arrivalRate),
        Arrays.hashCode(replicas),
        Arrays.hashCode(ready),
        Arrays.hashCode(queueWait));
  }

  @Override
  public String toString() {
    return "Series[" + points() + " points of " + stepSeconds + " s]";
  }
}
