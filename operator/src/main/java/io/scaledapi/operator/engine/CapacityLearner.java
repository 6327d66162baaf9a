package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Learns how many requests per second one ready replica serves. While requests wait, every replica
 * is busy, so what the replicas serve then is their capacity.
 *
 * <p>With a served-rate query (requests completed per second, e.g. the rate of a request-duration
 * histogram's count) a sample is {@code servedRate / readyReplicas}, taken when requests waited at
 * this poll and the one before and the ready replicas have not changed for {@link #STEADY_SPAN},
 * the window of a typical rate query: what was served is counted, so requests dropped at a timeout
 * or rejected never inflate it, and the rate query covers the gaps between polls. The replicas may
 * have idled during part of the query's window, so a sample never overstates the capacity but may
 * understate it: the estimate is a high quantile ({@link #SERVED_QUANTILE}) of the recent samples.
 *
 * <p>Without one, completions are estimated by conservation of requests, arrivals minus the growth
 * of the queue between two consecutive busy polls with the same ready replicas: {@code (arrivalRate
 * - (queueNow - queuePrevious) / seconds) / readyReplicas}. That estimate counts requests dropped
 * at a timeout as served (it overstates the capacity while the queue is full) and cannot see the
 * queue empty between polls (it understates it then); a served-rate query avoids both.
 *
 * <p>Its samples err both ways, so the estimate is their median. Immutable; memory is bounded by
 * {@link #MAX_SAMPLES} and one previous poll.
 */
public final class CapacityLearner {

  /** How many recent samples the estimate is taken from. */
  public static final int MAX_SAMPLES = 20;

  /** How many samples are needed before there is an estimate. */
  public static final int MIN_SAMPLES = 3;

  /** How long the ready replicas must not have changed before a served rate is a sample. */
  public static final Duration STEADY_SPAN = Duration.ofMinutes(1);

  /** The quantile of the recent served-rate samples that is the estimate. */
  public static final double SERVED_QUANTILE = 0.9;

  /**
   * What one poll saw.
   *
   * @param servedQueried whether a served-rate query is configured: the kind of sample it gives
   * @param servedRate requests completed per second, when that query is configured and read
   * @param arrivalRate requests arrived per second, when read
   * @param waiting requests waiting in the queue
   * @param readyReplicas the target's ready replicas
   */
  public record Sighting(
      Instant at,
      boolean servedQueried,
      OptionalDouble servedRate,
      OptionalDouble arrivalRate,
      double waiting,
      int readyReplicas) {

    /** Checks for nulls and a non-negative replica count. */
    public Sighting {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(servedRate, "servedRate");
      Objects.requireNonNull(arrivalRate, "arrivalRate");
      if (readyReplicas < 0) {
        throw new IllegalArgumentException("readyReplicas must not be negative: " + readyReplicas);
      }
    }

    boolean busy() {
      return waiting >= 1 && readyReplicas > 0;
    }
  }

  private static final CapacityLearner EMPTY = new CapacityLearner(null, null, false, List.of());

  /** The latest poll, or null before the first. */
  private final Sighting previous;

  /** Since when the ready replicas have been what the latest poll saw; null before the first. */
  private final Instant readySince;

  /** Whether the samples are served rates (else arrivals minus queue growth). */
  private final boolean served;

  private final List<Double> samples;

  private CapacityLearner(
      Sighting previous, Instant readySince, boolean served, List<Double> samples) {
    this.previous = previous;
    this.readySince = readySince;
    this.served = served;
    this.samples = List.copyOf(samples);
  }

  /** A learner with no observations and no samples. */
  public static CapacityLearner empty() {
    return EMPTY;
  }

  /**
   * This learner after a poll. The poll becomes the previous one for the next call, whether or not
   * it gave a sample; one that is not after the previous gives none.
   */
  public CapacityLearner withSighting(Sighting now) {
    Objects.requireNonNull(now, "now");
    boolean after = previous != null && now.at().isAfter(previous.at());
    boolean sameReady = after && previous.readyReplicas() == now.readyReplicas();
    Instant since = sameReady ? readySince : now.at();
    boolean busyTwice = after && now.busy() && previous.busy();
    OptionalDouble sample = sameReady && busyTwice ? sample(now, since) : OptionalDouble.empty();
    boolean servedSample = now.servedQueried();
    // a change between the two kinds of sample starts afresh; a failed read is no change
    List<Double> kept = new ArrayList<>(servedSample == served ? samples : List.of());
    sample.ifPresent(kept::add);
    while (kept.size() > MAX_SAMPLES) {
      kept.remove(0);
    }
    return new CapacityLearner(now, since, servedSample, kept);
  }

  private OptionalDouble sample(Sighting now, Instant readySince) {
    double perReplica;
    if (now.servedQueried()) {
      if (now.servedRate().isEmpty()) {
        return OptionalDouble.empty();
      }
      if (Duration.between(readySince, now.at()).compareTo(STEADY_SPAN) < 0) {
        return OptionalDouble.empty();
      }
      perReplica = now.servedRate().getAsDouble() / now.readyReplicas();
    } else if (now.arrivalRate().isPresent()) {
      double seconds = Duration.between(previous.at(), now.at()).toNanos() / 1e9;
      double served =
          now.arrivalRate().getAsDouble() - (now.waiting() - previous.waiting()) / seconds;
      perReplica = served / now.readyReplicas();
    } else {
      return OptionalDouble.empty();
    }
    return Double.isFinite(perReplica) && perReplica > 0
        ? OptionalDouble.of(perReplica)
        : OptionalDouble.empty();
  }

  /**
   * Requests per second per ready replica, once there are at least {@link #MIN_SAMPLES} recent
   * samples; empty before. From served rates, their {@link #SERVED_QUANTILE} quantile (nearest
   * rank); otherwise their median, which keeps one odd interval from moving it.
   */
  public OptionalDouble estimate() {
    if (samples.size() < MIN_SAMPLES) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    if (served) {
      int rank = (int) Math.ceil(SERVED_QUANTILE * sorted.size());
      return OptionalDouble.of(sorted.get(rank - 1));
    }
    int mid = sorted.size() / 2;
    return OptionalDouble.of(
        sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2);
  }

  /** The number of recent samples, at most {@link #MAX_SAMPLES}. */
  public int samples() {
    return samples.size();
  }

  /** The most recent sample, or empty with none. */
  public OptionalDouble lastSample() {
    return samples.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(samples.get(samples.size() - 1));
  }

  /**
   * Why there is no estimate yet, for a status condition, or empty when there is one. For example
   * "2 of 3 samples of throughput per replica; samples are taken while requests wait and the ready
   * replicas do not change".
   */
  public Optional<String> notReadyReason() {
    if (samples.size() >= MIN_SAMPLES) {
      return Optional.empty();
    }
    return Optional.of(
        samples.size()
            + " of "
            + MIN_SAMPLES
            + " samples of throughput per replica; samples are taken while requests wait and the"
            + " ready replicas do not change");
  }

  @Override
  public String toString() {
    return "CapacityLearner{served="
        + served
        + ", samples="
        + samples
        + ", previous="
        + previous
        + "}";
  }
}
