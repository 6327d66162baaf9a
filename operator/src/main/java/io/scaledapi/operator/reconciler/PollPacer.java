package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most one poll (signals read, decision, {@code /scale} written) per polling interval for each
 * ScaledApi. A reconcile that comes sooner, as a spec edit does, waits for the next poll; the first
 * poll of a ScaledApi (new, or after a restart) runs at once. Elapsed time is measured on a
 * monotonic clock, apart from the clock decisions are made with.
 */
final class PollPacer {
  private final LongSupplier nanoTime;
  private final Map<String, Long> lastPolls = new ConcurrentHashMap<>();

  PollPacer(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** How long until this ScaledApi may poll again; empty when it may poll now. */
  Optional<Duration> untilNextPoll(ScaledApi scaledApi, Duration interval) {
    Long last = lastPolls.get(ScalingStates.key(scaledApi));
    if (last == null) {
      return Optional.empty();
    }
    Duration left = interval.minusNanos(nanoTime.getAsLong() - last);
    if (left.isNegative() || left.isZero()) {
      return Optional.empty();
    }
    // the framework schedules in whole milliseconds: round up, so a poll is never due early
    return Optional.of(Duration.ofMillis(Math.max(1, (left.toNanos() + 999_999) / 1_000_000)));
  }

  /** Records that a poll starts now. */
  void polling(ScaledApi scaledApi) {
    lastPolls.put(ScalingStates.key(scaledApi), nanoTime.getAsLong());
  }

  void forget(ScaledApi scaledApi) {
    lastPolls.remove(ScalingStates.key(scaledApi));
  }
}
