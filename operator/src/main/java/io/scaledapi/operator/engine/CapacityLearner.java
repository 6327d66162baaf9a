package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Learns how many requests per second one ready replica serves. While requests wait in the queue
 * every worker is busy, so requests complete at the full capacity; by conservation of requests,
 * completions are arrivals minus the growth of the queue. Between two consecutive observations that
 * both see a non-empty queue ({@code queueDepth >= 1}) and the same positive number of ready
 * replicas, a sample is
 *
 * <pre>(arrivalRate - (queueNow - queuePrevious) / seconds) / readyReplicas</pre>
 *
 * with the arrival rate of the later observation (a rate query usually averages over its range
 * already). A non-finite or non-positive result is ignored. The queue is only seen at the two ends
 * of the interval, so the shorter the reconcile interval, the surer that it stayed non-empty in
 * between.
 *
 * <p>Immutable; memory is bounded by {@link #MAX_SAMPLES} and one previous observation.
 */
public final class CapacityLearner {

  /** How many recent samples the estimate is taken from. */
  public static final int MAX_SAMPLES = 20;

  /** How many samples are needed before there is an estimate. */
  public static final int MIN_SAMPLES = 3;

  private record Observation(
      Instant at, double arrivalRate, double queueDepth, int readyReplicas) {}

  private static final CapacityLearner EMPTY = new CapacityLearner(null, List.of());

  /** The latest observation, or null before the first. */
  private final Observation previous;

  private final List<Double> samples;

  private CapacityLearner(Observation previous, List<Double> samples) {
    this.previous = previous;
    this.samples = List.copyOf(samples);
  }

  /** A learner with no observations and no samples. */
  public static CapacityLearner empty() {
    return EMPTY;
  }

  /**
   * This learner after an observation at {@code now}: arrivals in requests per second, the number
   * of requests waiting, and the target's ready replicas. The observation becomes the previous one
   * for the next call, whether or not it gave a sample; one that is not after the previous gives
   * none.
   */
  public CapacityLearner withObservation(
      Instant now, double arrivalRate, double queueDepth, int readyReplicas) {
    Objects.requireNonNull(now, "now");
    if (readyReplicas < 0) {
      throw new IllegalArgumentException("readyReplicas must not be negative: " + readyReplicas);
    }
    Observation current = new Observation(now, arrivalRate, queueDepth, readyReplicas);
    OptionalDouble sample = sample(previous, current);
    if (sample.isEmpty()) {
      return new CapacityLearner(current, samples);
    }
    List<Double> kept = new ArrayList<>(samples);
    kept.add(sample.getAsDouble());
    while (kept.size() > MAX_SAMPLES) {
      kept.remove(0);
    }
    return new CapacityLearner(current, kept);
  }

  private static OptionalDouble sample(Observation prev, Observation cur) {
    if (prev == null
        || !(prev.queueDepth() >= 1 && cur.queueDepth() >= 1)
        || cur.readyReplicas() <= 0
        || cur.readyReplicas() != prev.readyReplicas()) {
      return OptionalDouble.empty();
    }
    Duration elapsed = Duration.between(prev.at(), cur.at());
    if (elapsed.isNegative() || elapsed.isZero()) {
      return OptionalDouble.empty();
    }
    double seconds = elapsed.toNanos() / 1e9;
    double served = cur.arrivalRate() - (cur.queueDepth() - prev.queueDepth()) / seconds;
    double perReplica = served / cur.readyReplicas();
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
   * "2 of 3 samples of throughput per replica; samples are taken while the queue is non-empty and
   * the ready replicas do not change".
   */
  public Optional<String> notReadyReason() {
    if (samples.size() >= MIN_SAMPLES) {
      return Optional.empty();
    }
    return Optional.of(
        samples.size()
            + " of "
            + MIN_SAMPLES
            + " samples of throughput per replica; samples are taken while the queue is"
            + " non-empty and the ready replicas do not change");
  }

  @Override
  public String toString() {
    return "CapacityLearner{samples=" + samples + ", previous=" + previous + "}";
  }
}
