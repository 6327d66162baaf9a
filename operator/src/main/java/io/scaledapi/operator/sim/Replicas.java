package io.scaledapi.operator.sim;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * The replicas of the target under one policy: ready ones, and starting ones with the second each
 * becomes ready. Scaling down removes starting replicas first, newest first, then ready ones, as a
 * ReplicaSet picks pods to delete: not-ready before ready, then the more recently ready, then the
 * newer (kubernetes/kubernetes, pkg/controller/controller_utils.go, {@code ActivePodsWithRanks}).
 */
final class Replicas {

  private int ready;
  private long[] readyAt = new long[16];
  private int starting;
  private long nextReady = Long.MAX_VALUE;

  Replicas(int initial) {
    this.ready = initial;
  }

  int ready() {
    return ready;
  }

  int starting() {
    return starting;
  }

  /** Ready plus starting: the target's spec replicas. */
  int total() {
    return ready + starting;
  }

  /** Makes the replicas whose start-up has elapsed by second {@code t} ready. */
  void promote(long t) {
    if (nextReady > t) {
      return;
    }
    int kept = 0;
    nextReady = Long.MAX_VALUE;
    for (int i = 0; i < starting; i++) {
      if (readyAt[i] <= t) {
        ready++;
      } else {
        readyAt[kept++] = readyAt[i];
        nextReady = Math.min(nextReady, readyAt[i]);
      }
    }
    starting = kept;
  }

  /**
   * Scales to {@code n} replicas at second {@code t}; a new replica is ready at {@code
   * readySecond.applyAsLong(t)}, which may be {@code t} itself.
   */
  void scaleTo(int n, long t, LongUnaryOperator readySecond) {
    while (total() < n) {
      if (starting == readyAt.length) {
        readyAt = Arrays.copyOf(readyAt, 2 * starting);
      }
      long at = readySecond.applyAsLong(t);
      readyAt[starting++] = at;
      nextReady = Math.min(nextReady, at);
    }
    int remove = total() - n;
    if (remove > 0) {
      int fromStarting = Math.min(remove, starting);
      starting -= fromStarting;
      ready -= remove - fromStarting;
      nextReady = Long.MAX_VALUE;
      for (int i = 0; i < starting; i++) {
        nextReady = Math.min(nextReady, readyAt[i]);
      }
    }
    promote(t);
  }
}
