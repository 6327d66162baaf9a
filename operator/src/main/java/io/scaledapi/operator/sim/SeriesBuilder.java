package io.scaledapi.operator.sim;

/**
 * Collects a run second by second into a {@link Series} of at most {@link #MAX_POINTS} points: each
 * point covers the same whole number of seconds (the last one may cover fewer) and holds the means
 * of the arrival rate and of the replicas, and the longest queue wait.
 */
final class SeriesBuilder {

  static final int MAX_POINTS = 3000;

  private final long seconds;
  private final long step;
  private final double[] arrivalRate;
  private final double[] replicas;
  private final double[] ready;
  private final double[] queueWait;

  SeriesBuilder(long seconds) {
    this.seconds = seconds;
    this.step = Math.max(1, (seconds + MAX_POINTS - 1) / MAX_POINTS);
    int points = (int) ((seconds + step - 1) / step);
    arrivalRate = new double[points];
    replicas = new double[points];
    ready = new double[points];
    queueWait = new double[points];
  }

  /** Adds second {@code t}; seconds come in order. */
  void add(long t, double arrivals, int replicasNow, int readyNow, double longestWait) {
    int p = (int) (t / step);
    arrivalRate[p] += arrivals;
    replicas[p] += replicasNow;
    ready[p] += readyNow;
    queueWait[p] = Math.max(queueWait[p], longestWait);
  }

  Series build() {
    for (int p = 0; p < arrivalRate.length; p++) {
      long covered = Math.min(step, seconds - p * step);
      arrivalRate[p] /= covered;
      replicas[p] /= covered;
      ready[p] /= covered;
    }
    return new Series(step, arrivalRate, replicas, ready, queueWait);
  }
}
