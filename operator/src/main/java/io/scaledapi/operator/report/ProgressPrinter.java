package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.Progress;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr for long runs: one each time a policy passes another 5% of the workload,
 * once the run has taken {@link #QUIET_NANOS} or more, so that short runs stay quiet. Lines name
 * the policy, how far it is and the time since the run started.
 */
public final class ProgressPrinter implements Progress {

  static final long QUIET_NANOS = 2_000_000_000L;
  static final long LINE_NANOS = 1_000_000_000L;
  private static final int STEP_PERCENT = 5;

  private final PrintWriter err;
  private final String command;
  private final LongSupplier nanoTime;
  private final long started;
  private final Map<String, Integer> printed = new HashMap<>();
  private long lastLine;

  /**
   * @param command the prefix of each line, e.g. "simulate"
   * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
   */
  public ProgressPrinter(PrintWriter err, String command, LongSupplier nanoTime) {
    this.err = err;
    this.command = command;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  @Override
  public synchronized void at(String policy, long second, long seconds) {
    if (seconds <= 0) {
      return;
    }
    int percent = (int) Math.min(100, 100 * second / seconds) / STEP_PERCENT * STEP_PERCENT;
    long now = nanoTime.getAsLong();
    long elapsed = now - started;
    boolean due = percent == 100 || printed.isEmpty() || now - lastLine >= LINE_NANOS;
    if (percent <= printed.getOrDefault(policy, 0) || elapsed < QUIET_NANOS || !due) {
      return;
    }
    printed.put(policy, percent);
    lastLine = now;
    err.printf(
        Locale.ROOT,
        "%s: %-8s %3d%% (%,d of %,d s simulated) after %.1f s%n",
        command,
        policy,
        percent,
        Math.min(second, seconds),
        seconds,
        elapsed / 1e9);
    err.flush();
  }

  /** Seconds since the run started. */
  public double elapsedSeconds() {
    return (nanoTime.getAsLong() - started) / 1e9;
  }
}
