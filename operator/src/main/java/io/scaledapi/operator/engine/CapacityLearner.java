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
 * histogram's count) a sample is {@code servedRate / readyReplicas}, taken once the queue has held
 * at least one request and the ready replicas have not changed at every poll for {@link
 * #BUSY_SPAN}, the window of a typical rate query: what was served is counted, so requests dropped
 * at a timeout or rejected never inflate it, and a rate query covers the gaps between polls.
 *
 * <p>Without one, completions are estimated by conservation of requests, arrivals minus the growth
 * of the queue between two consecutive busy polls with the same ready replicas: {@code (arrivalRate
 * - (queueNow - queuePrevious) / seconds) / readyReplicas}. That estimate counts requests dropped
 * at a timeout as served (it overstates the capacity while the queue is full) and cannot see the
 * queue empty between polls (it understates it then); a served-rate query avoids both.
 *
 * <p>The estimate is the median of the recent samples. Immutable; memory is bounded by {@link
 * #MAX_SAMPLES} and one previous poll.
 */
public final class CapacityLearner {

  /** How many recent samples the estimate is taken from. */
  public static final int MAX_SAMPLES = 20;

  /** How many samples are needed before there is an estimate. */
  public static final int MIN_SAMPLES = 3;

  /** How long the replicas must have been busy before a served rate is a sample. */
  public static final Duration BUSY_SPAN = Duration.ofMinutes(1);

  /**
   * What one poll saw.
   *
   * @param servedRate requests completed per second, when a served-rate query is configured and
   *     read
   * @param arrivalRate requests arrived per second, when read
   * @param waiting requests waiting in the queue
   * @param readyReplicas the target's ready replicas
   */
  public record Sighting(
      Instant at,
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

  private static final CapacityLearner EMPTY = new CapacityLearner(null, null, List.of());

  /** The latest poll, or null before the first. */
  private final Sighting previous;

  /** When the current busy streak began, or null when the latest poll was not busy. */
  private final Instant busySince;

  private final List<Double> samples;

  private CapacityLearner(Sighting previous, Instant busySince, List<Double> samples) {
    this.previous = previous;
    this.busySince = busySince;
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
    boolean continues =
        now.busy()
            && busySince != null
            && previous.readyReplicas() == now.readyReplicas()
            && now.at().isAfter(previous.at());
    Instant since = !now.busy() ? null : continues ? busySince : now.at();
    OptionalDouble sample = continues ? sample(now, since) : OptionalDouble.empty();
    if (sample.isEmpty()) {
      return new CapacityLearner(now, since, samples);
    }
    List<Double> kept = new ArrayList<>(samples);
    kept.add(sample.getAsDouble());
    while (kept.size() > MAX_SAMPLES) {
      kept.remove(0);
    }
    return new CapacityLearner(now, since, kept);
  }

  private OptionalDouble sample(Sighting now, Instant since) {
    double perReplica;
    if (now.servedRate().isPresent()) {
      if (Duration.between(since, now.at()).compareTo(BUSY_SPAN) < 0) {
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
   * The median of the recent samples in requests per second per ready replica, once there are at
   * least {@link #MIN_SAMPLES}; empty before. The median keeps one odd interval from moving it.
   */
  public OptionalDouble estimate() {
    if (samples.size() < MIN_SAMPLES) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(samples);
    sorted.sort(null);
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
    return "CapacityLearner{samples=" + samples + ", previous=" + previous + "}";
  }
}
