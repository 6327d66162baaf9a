package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What a load step did, sampled: when a new pod first became Ready, when every replica asked for so
 * far was Ready, when the queue drained with the new pods serving, and the longest queue seen.
 */
final class StepProgress {
  private final long step;
  private final Callable<Integer> replicas;
  private final Callable<Integer> readyReplicas;
  private final Callable<Double> waiting;
  int peakReplicas;
  double peakWaiting;
  Duration firstReady;
  Duration allReady;
  Duration drained;

  /**
   * @param step when the step came, on {@link System#nanoTime()}
   * @param replicas the Deployment's spec replicas now
   * @param readyReplicas its ready replicas now
   * @param waiting the requests waiting in the queue now
   */
  StepProgress(
      long step,
      Callable<Integer> replicas,
      Callable<Integer> readyReplicas,
      Callable<Double> waiting) {
    this.step = step;
    this.replicas = replicas;
    this.readyReplicas = readyReplicas;
    this.waiting = waiting;
  }

  /** Samples once; true when every replica is Ready and the queue has drained. */
  boolean sample() throws Exception {
    int spec = replicas.call();
    int ready = readyReplicas.call();
    double queued = waiting.call();
    Duration now = Duration.ofNanos(System.nanoTime() - step);
    peakWaiting = Math.max(peakWaiting, queued);
    if (spec > peakReplicas) {
      peakReplicas = spec;
      allReady = null;
    }
    if (firstReady == null && ready > 1) {
      firstReady = now;
    }
    if (allReady == null && ready >= peakReplicas) {
      allReady = now;
    }
    if (drained == null && ready > 1 && queued == 0) {
      drained = now;
    }
    return allReady != null && drained != null;
  }
}
