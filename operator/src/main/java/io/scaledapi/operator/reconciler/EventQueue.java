package io.scaledapi.operator.reconciler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends Events off the reconcile threads, as client-go's event broadcaster does: a few lanes, each
 * one thread with a bounded queue. The Events of one ScaledApi share a lane, so they are written in
 * the order recorded. When a lane is full the Event is dropped and counted, never waited for.
 */
final class EventQueue implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

  /**
   * @param onDrop called once for each Event dropped because its lane is full or closed
   */
  EventQueue(int lanes, int capacityPerLane, Runnable onDrop) {
    for (int i = 0; i < lanes; i++) {
      String name = "scaledapi-events-" + i;
      this.lanes.add(
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(capacityPerLane),
              task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
              },
              (task, executor) -> onDrop.run()));
    }
  }

  /** Runs {@code send} on the lane of {@code key}, after what that lane already holds. */
  void submit(String key, Runnable send) {
    lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(send);
  }

  /** Sends what is queued within a few seconds; drops the rest and whatever comes later. */
  @Override
  public void close() {
    lanes.forEach(ThreadPoolExecutor::shutdown);
    long deadline = System.nanoTime() + GRACE.toNanos();
    try {
      for (ThreadPoolExecutor lane : lanes) {
        lane.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lanes.forEach(ThreadPoolExecutor::shutdownNow);
  }
}
