package io.scaledapi.operator.cli;

import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.report.FrontierTables;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Progress;
import io.scaledapi.operator.sim.Simulator;
import io.scaledapi.operator.sim.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * Runs the runs of a sweep on a fixed pool of threads, each run on its own: its own policy, queue
 * and replicas, the same traffic and cluster. Says on stderr as each run finishes what it cost and
 * how often it missed the SLO. Results come back in the order of the runs, whatever order they
 * finished in, so that output does not depend on the number of threads.
 */
final class FrontierRunner {

  /** A run threw: its label and why. */
  static final class RunFailed extends RuntimeException {
    RunFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Workload workload;
  private final ClusterSpec cluster;
  private final int threads;
  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long started;
  private int finished;

  /**
   * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
   */
  FrontierRunner(
      Workload workload, ClusterSpec cluster, int threads, PrintWriter err, LongSupplier nanoTime) {
    this.workload = workload;
    this.cluster = cluster;
    this.threads = threads;
    this.err = err;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /**
   * The result of each of {@code runs}, in their order.
   *
   * @throws RunFailed when a run throws; the runs not yet finished are cancelled
   */
  List<PolicyResult> run(List<FrontierSweep.Run> runs) {
    int size = runs.size();
    err.printf(
        Locale.ROOT,
        "frontier: %d runs of %s of traffic on %d threads%n",
        size,
        Comparison.span(workload.seconds()),
        Math.min(threads, size));
    err.flush();
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
    try {
      List<Future<PolicyResult>> futures = new ArrayList<>();
      for (FrontierSweep.Run run : runs) {
        futures.add(pool.submit(() -> one(run, size)));
      }
      List<PolicyResult> results = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        results.add(result(futures.get(i), runs.get(i)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Nanoseconds since this runner was made. */
  long elapsedNanos() {
    return nanoTime.getAsLong() - started;
  }

  /** {@code 41.2 s}, or {@code 3 min 5 s} from a minute on. */
  static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s < 60
        ? String.format(Locale.ROOT, "%.1f s", s)
        : Comparison.span(Math.round(s)).replace(" hours", " h").replace(" hour", " h");
  }

  private PolicyResult one(FrontierSweep.Run run, int size) {
    long from = nanoTime.getAsLong();
    PolicyResult result =
        Simulator.run(workload, cluster, List.of(run.factory()), Progress.none()).results().get(0);
    finished(run, result, nanoTime.getAsLong() - from, size);
    return result;
  }

  private synchronized void finished(
      FrontierSweep.Run run, PolicyResult result, long nanos, int size) {
    finished++;
    err.printf(
        Locale.ROOT,
        "frontier: %"
            + Integer.toString(size).length()
            + "d/%d %s: %s replica-s, %s waited > SLO"
            + " (%s; %s in all)%n",
        finished,
        size,
        run.label(),
        Comparison.count(result.replicaSeconds()),
        FrontierTables.share(result.violatingShare()),
        seconds(nanos),
        seconds(elapsedNanos()));
    err.flush();
  }

  private static PolicyResult result(Future<PolicyResult> future, FrontierSweep.Run run) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String hint =
          cause instanceof OutOfMemoryError
              ? "; each run at once holds the traffic: lower --threads or give the JVM more -Xmx"
              : "";
      throw new RunFailed("the run of " + run.label() + " failed: " + cause + hint, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailed("interrupted while waiting for " + run.label(), e);
    }
  }

  /** Worker threads that do not keep the JVM alive, named for thread dumps. */
  private static ThreadFactory daemons() {
    return task -> {
      Thread thread = new Thread(task, "frontier-run");
      thread.setDaemon(true);
      return thread;
    };
  }
}
