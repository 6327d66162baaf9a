package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Learns how long a scale-up takes to become ready: the lead time pre-scaling must look ahead. The
 * operator reports each scale-up it writes ({@link #withScaleUp}) and what the target reports at
 * each reconcile ({@link #withObservation}); a scale-up completes when the target has at least that
 * many ready replicas, and the time since it was written is a sample. Samples are only as fine as
 * the reconcile interval: a sample overstates the true delay by at most one interval.
 *
 * <p>A scale-up that is overridden (the spec is lowered below its target) or that is not ready
 * within the give-up age is dropped without a sample and counted as abandoned, so that a pod that
 * never becomes ready cannot poison the estimate.
 *
 * <p>Immutable; memory is bounded by {@link #MAX_SAMPLES} and {@link #MAX_PENDING}.
 */
public final class LeadTimeLearner {

  /** How long a scale-up may stay unready before it is dropped, unless another age is given. */
  public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(30);

  /** How many recent samples the estimate is taken from. */
  public static final int MAX_SAMPLES = 10;

  /** How many scale-ups may wait at once; beyond it the oldest is abandoned. */
  public static final int MAX_PENDING = 32;

  /** The percentile of the recent samples that is the estimate (nearest rank). */
  public static final int PERCENTILE = 90;

  private record Pending(Instant at, int toReplicas) {}

  private final Duration giveUpAfter;
  private final List<Pending> pending;
  private final List<Duration> samples;
  private final int abandoned;
  private final int timedOut;

  private LeadTimeLearner(
      Duration giveUpAfter,
      List<Pending> pending,
      List<Duration> samples,
      int abandoned,
      int timedOut) {
    this.giveUpAfter = giveUpAfter;
    this.pending = List.copyOf(pending);
    this.samples = List.copyOf(samples);
    this.abandoned = abandoned;
    this.timedOut = timedOut;
  }

  /** A learner with no samples that gives up after {@link #DEFAULT_GIVE_UP_AFTER}. */
  public static LeadTimeLearner empty() {
    return empty(DEFAULT_GIVE_UP_AFTER);
  }

  /**
   * A learner with no samples that gives up on a scale-up not ready after {@code giveUpAfter}; pass
   * a longer age than the default when the reconcile interval is long.
   */
  public static LeadTimeLearner empty(Duration giveUpAfter) {
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
      throw new IllegalArgumentException("giveUpAfter must be positive: " + giveUpAfter);
    }
    return new LeadTimeLearner(giveUpAfter, List.of(), List.of(), 0, 0);
  }

  /**
   * This learner after the operator raised the target's spec replicas to {@code toReplicas} at
   * {@code at}. Pending scale-ups to more replicas are abandoned (the spec was lowered in between);
   * one already pending to the same count is kept with its earlier time.
   */
  public LeadTimeLearner withScaleUp(Instant at, int toReplicas) {
    Objects.requireNonNull(at, "at");
    if (toReplicas < 1) {
      throw new IllegalArgumentException("toReplicas must be positive: " + toReplicas);
    }
    List<Pending> kept = new ArrayList<>();
    int dropped = 0;
    boolean alreadyPending = false;
    for (Pending p : pending) {
      if (p.toReplicas() > toReplicas) {
        dropped++;
      } else {
        kept.add(p);
        alreadyPending |= p.toReplicas() == toReplicas;
      }
    }
    if (!alreadyPending) {
      kept.add(new Pending(at, toReplicas));
    }
    while (kept.size() > MAX_PENDING) {
      kept.remove(0);
      dropped++;
    }
    return new LeadTimeLearner(
        giveUpAfter, kept, samples, saturatedSum(abandoned, dropped), timedOut);
  }

  /**
   * This learner after the target reported {@code specReplicas} and {@code readyReplicas} at {@code
   * now}. Each pending scale-up written at or before {@code now} is, in this order: dropped as
   * timed out when older than the give-up age; completed with the sample {@code now - at} when
   * {@code toReplicas <= readyReplicas}; abandoned when {@code toReplicas > specReplicas}; else
   * kept. Scale-ups written after {@code now} are kept untouched, since the reading predates them.
   */
  public LeadTimeLearner withObservation(Instant now, int specReplicas, int readyReplicas) {
    Objects.requireNonNull(now, "now");
    if (specReplicas < 0 || readyReplicas < 0) {
      throw new IllegalArgumentException(
          "replicas must not be negative: spec " + specReplicas + ", ready " + readyReplicas);
    }
    List<Pending> kept = new ArrayList<>();
    List<Duration> newSamples = new ArrayList<>(samples);
    int dropped = 0;
    int gaveUp = 0;
    for (Pending p : pending) {
      Duration age = Duration.between(p.at(), now);
      if (age.isNegative()) {
        kept.add(p);
      } else if (age.compareTo(giveUpAfter) > 0) {
        dropped++;
        gaveUp++;
      } else if (p.toReplicas() <= readyReplicas) {
        newSamples.add(age);
      } else if (p.toReplicas() > specReplicas) {
        dropped++;
      } else {
        kept.add(p);
      }
    }
    List<Duration> recent =
        newSamples.subList(Math.max(0, newSamples.size() - MAX_SAMPLES), newSamples.size());
    return new LeadTimeLearner(
        giveUpAfter,
        kept,
        recent,
        saturatedSum(abandoned, dropped),
        saturatedSum(timedOut, gaveUp));
  }

  /**
   * The {@link #PERCENTILE}th percentile (nearest rank) of the recent samples, or empty with none.
   * With fewer than ten samples that is the slowest; with ten, one freak sample is ignored.
   */
  public Optional<Duration> estimate() {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    int rank = (PERCENTILE * sorted.size() + 99) / 100;
    return Optional.of(sorted.get(rank - 1));
  }

  /** The number of recent samples the estimate is taken from, at most {@link #MAX_SAMPLES}. */
  public int samples() {
    return samples.size();
  }

  /** The most recent sample, or empty with none. */
  public Optional<Duration> lastSample() {
    return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
  }

  /** The number of scale-ups waiting for their replicas to become ready. */
  public int pending() {
    return pending.size();
  }

  /** The number of scale-ups dropped without a sample, overridden or timed out. */
  public int abandoned() {
    return abandoned;
  }

  /** The number of the abandoned scale-ups that were not ready within the give-up age. */
  public int timedOut() {
    return timedOut;
  }

  /** How long a scale-up may stay unready before it is dropped. */
  public Duration giveUpAfter() {
    return giveUpAfter;
  }

  /**
   * Why there is no estimate yet, for a status condition, or empty when there is one. For example
   * "no scale-up has been seen becoming ready yet; 1 pending; 2 were not ready within 30m".
   */
  public Optional<String> notReadyReason() {
    if (!samples.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("no scale-up has been seen becoming ready yet");
    if (!pending.isEmpty()) {
      text.append("; ").append(pending.size()).append(" pending");
    }
    if (timedOut > 0) {
      text.append("; ")
          .append(timedOut)
          .append(timedOut == 1 ? " was" : " were")
          .append(" not ready within ")
          .append(shortDuration(giveUpAfter));
    }
    return Optional.of(text.toString());
  }

  @Override
  public String toString() {
    return "LeadTimeLearner{samples="
        + samples
        + ", pending="
        + pending
        + ", abandoned="
        + abandoned
        + ", timedOut="
        + timedOut
        + ", giveUpAfter="
        + giveUpAfter
        + "}";
  }

  private static int saturatedSum(int a, int b) {
    return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
  }

  /** "30m", "1h", "90s", "500ms": the largest whole unit. */
  private static String shortDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds == 0) {
      return d.toMillis() + "ms";
    }
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
