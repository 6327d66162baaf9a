package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.engine.CapacityLearner;
import io.scaledapi.operator.engine.Decision;
import io.scaledapi.operator.engine.LeadTimeLearner;
import io.scaledapi.operator.engine.Provisioning;
import io.scaledapi.operator.engine.ScalingEngine;
import io.scaledapi.operator.engine.ScalingHistory;
import io.scaledapi.operator.engine.ScalingInput;
import io.scaledapi.operator.engine.TimedRecommendation;
import io.scaledapi.operator.spec.PredictionSettings;
import io.scaledapi.operator.spec.ScaledApiSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The autoscaler of one ScaledApi: everything it remembers between polls (the engine's history for
 * stabilization and rate policies, the capacity and lead-time learners, the forecaster, the last
 * scale written, when it last polled) and the steps of one poll: {@link #poll observe and decide},
 * then {@link #scaled record the scale} written. Not thread-safe: one reconcile at a time per
 * ScaledApi, as the framework guarantees.
 */
public final class Autoscaler {
  /** A failed warm-up is tried again after this long at the earliest. */
  public static final Duration WARM_UP_RETRY = Duration.ofMinutes(1);

  private final boolean takingOver;
  private ScalingHistory history;
  private CapacityLearner capacity = CapacityLearner.empty();
  private QueueSeen lastQueue;
  private QueueSeen previousQueue;
  private LeadTimeLearner leadTime = LeadTimeLearner.empty();
  private Forecasting forecasting;
  private LastScale lastScale;
  private Long lastPollNanos;

  private Autoscaler(boolean takingOver) {
    this.takingOver = takingOver;
  }

  /**
   * An autoscaler taking over a running workload: a new ScaledApi, or any after a restart or a
   * change of leader. Its first poll starts as if the target's current replicas had been
   * recommended until then, so nothing is scaled down within one scale-down stabilization window,
   * as the instance before would have held it; the failure count is restored from status.
   */
  public static Autoscaler takingOver() {
    return new Autoscaler(true);
  }

  /** An autoscaler that remembers nothing before its first poll, as a simulated run starts. */
  public static Autoscaler blank() {
    return new Autoscaler(false);
  }

  /** One point of arrival-rate history: requests per second at {@code time}. */
  public record RatePoint(Instant time, double rate) {}

  /** Requests waiting at a poll, and the replicas ready then. */
  private record QueueSeen(Instant at, double waiting, int readyReplicas) {}

  /** A scale this autoscaler wrote: when, and the reason reported for it. */
  public record LastScale(Instant at, String reason) {}

  /** What one poll decided, and what prediction contributed. */
  public record Poll(Decision decision, ForecastOutcome forecast) {}

  /** How long until the next poll is due; empty when it is due now. */
  public Optional<Duration> untilNextPoll(long nanoTime, Duration interval) {
    if (lastPollNanos == null) {
      return Optional.empty();
    }
    Duration left = interval.minusNanos(nanoTime - lastPollNanos);
    if (left.isNegative() || left.isZero()) {
      return Optional.empty();
    }
    // the framework schedules in whole milliseconds: round up, so a poll is never due early
    return Optional.of(Duration.ofMillis(Math.max(1, (left.toNanos() + 999_999) / 1_000_000)));
  }

  /**
   * How long after it was due (the last poll plus {@code interval}) a poll starting at {@code
   * nanoTime} comes; empty before the first poll.
   */
  public Optional<Duration> lateness(long nanoTime, Duration interval) {
    if (lastPollNanos == null) {
      return Optional.empty();
    }
    Duration late = Duration.ofNanos(nanoTime - lastPollNanos).minus(interval);
    return Optional.of(late.isNegative() ? Duration.ZERO : late);
  }

  /** Records that a poll starts at {@code nanoTime}, on a monotonic clock. */
  public void polling(long nanoTime) {
    lastPollNanos = nanoTime;
  }

  /**
   * Whether the history prediction trains on should be read now to warm the forecaster up: before
   * the first warm-up and after a failed one, once {@link #WARM_UP_RETRY} has passed.
   */
  public boolean warmUpDue(ScaledApiSettings settings, Instant now) {
    Forecasting f = forecasting(settings);
    return f != null && f.warmUpDue(now, WARM_UP_RETRY);
  }

  /**
   * Trains the forecaster on history read at {@code at}.
   *
   * @param complete whether all the history asked for was read; if not, it is asked again later
   * @param note what the warm-up did, reported while the forecaster is not ready
   */
  public void warmUp(
      ScaledApiSettings settings,
      Instant at,
      List<RatePoint> history,
      boolean complete,
      String note) {
    Forecasting f = forecasting(settings);
    if (f != null) {
      f.warmUp(at, history, complete, note);
    }
  }

  /** Observes what one poll saw, then decides. */
  public Poll poll(ScaledApiSettings settings, Instant now, Observation seen) {
    learn(now, seen, settings.queries().servedRate().isPresent());
    Optional<PredictionSettings> prediction = settings.prediction();
    LeadTime lead =
        LeadTime.of(
            prediction.flatMap(PredictionSettings::leadTime),
            leadTime.estimate(),
            settings.pollingInterval());
    Optional<Provisioning> provisioning =
        provisioning(prediction, lead, settings.pollingInterval(), seen);
    Forecasting f = forecasting(settings);
    ForecastOutcome forecast = new ForecastOutcome.Off();
    if (f != null) {
      f.observe(now, seen.arrivalRate());
      forecast =
          f.outcome(
              prediction.orElseThrow(),
              now,
              lead,
              provisioning,
              capacity.notReadyReason().orElse("no estimate yet"),
              settings.scaling().targetUtilization());
    }
    Decision decision =
        ScalingEngine.decide(
            new ScalingInput(
                now,
                seen.specReplicas(),
                settings.scaling(),
                seen.signals(),
                history != null ? history : start(now, seen),
                provisioning,
                forecast.demand()));
    history = decision.history();
    return new Poll(decision, forecast);
  }

  /** Requests per second one ready replica serves, as learned so far; empty until known. */
  public OptionalDouble learnedCapacity() {
    return capacity.estimate();
  }

  /** The replicas train the lead-time learner; what they served trains the capacity learner. */
  private void learn(Instant now, Observation seen, boolean servedQueried) {
    previousQueue = lastQueue;
    lastQueue =
        seen.waiting().isPresent()
            ? new QueueSeen(now, seen.waiting().getAsDouble(), seen.readyReplicas())
            : null;
    leadTime = leadTime.withObservation(now, seen.specReplicas(), seen.readyReplicas());
    if (seen.waiting().isPresent()) {
      capacity =
          capacity.withSighting(
              new CapacityLearner.Sighting(
                  now,
                  servedQueried,
                  seen.servedRate(),
                  seen.arrivalRate(),
                  seen.waiting().getAsDouble(),
                  seen.readyReplicas()));
    }
  }

  /**
   * What the demand rule needs, once the capacity per replica is known: declared in {@code
   * spec.prediction.capacityPerReplica} while prediction is on, otherwise learned.
   */
  private Optional<Provisioning> provisioning(
      Optional<PredictionSettings> prediction,
      LeadTime lead,
      Duration pollingInterval,
      Observation seen) {
    OptionalDouble declared =
        prediction.map(PredictionSettings::capacityPerReplica).orElse(OptionalDouble.empty());
    OptionalDouble known = declared.isPresent() ? declared : capacity.estimate();
    if (known.isEmpty()) {
      return Optional.empty();
    }
    double perReplica = known.getAsDouble();
    return Optional.of(
        new Provisioning(
            perReplica,
            declared.isPresent() ? "Spec" : "Learned",
            lead.horizon(),
            pollingInterval,
            inflow(perReplica)));
  }

  /**
   * The arrival rate seen through the queue when it grew between this poll and the one before: the
   * replicas ready at both polls were busy throughout and served their capacity, and what they did
   * not serve grew the queue. A queue that shrank may have emptied between the polls, and replicas
   * that became ready in between served for part of it, so neither shows the inflow: counting them
   * would read a backlog being drained as traffic arriving.
   */
  private OptionalDouble inflow(double perReplica) {
    if (previousQueue == null
        || lastQueue == null
        || previousQueue.waiting() < 1
        || lastQueue.waiting() < previousQueue.waiting()
        || !lastQueue.at().isAfter(previousQueue.at())) {
      return OptionalDouble.empty();
    }
    double seconds = Duration.between(previousQueue.at(), lastQueue.at()).toNanos() / 1e9;
    int busyThroughout = Math.min(previousQueue.readyReplicas(), lastQueue.readyReplicas());
    double inflow =
        busyThroughout * perReplica + (lastQueue.waiting() - previousQueue.waiting()) / seconds;
    return Double.isFinite(inflow)
        ? OptionalDouble.of(Math.max(0, inflow))
        : OptionalDouble.empty();
  }

  /** Records that the target was scaled from {@code from} to {@code to} at {@code at}. */
  public void scaled(Instant at, int from, int to, String reason) {
    history = history.withScaleEvent(at, from, to);
    if (to > from) {
      leadTime = leadTime.withScaleUp(at, to);
    }
    lastScale = new LastScale(at, reason);
  }

  /**
   * The last scale written, while the status shown does not yet show it: a status patch after a
   * write can fail (a conflict), and the next reconcile reports it again.
   *
   * @param shownInStatus the last scale time the status shows, if any
   */
  public Optional<LastScale> unreportedScale(Optional<Instant> shownInStatus) {
    if (lastScale != null
        && shownInStatus.isPresent()
        && !shownInStatus.get().isBefore(lastScale.at().truncatedTo(ChronoUnit.SECONDS))) {
      lastScale = null;
    }
    return Optional.ofNullable(lastScale);
  }

  /** The history a first poll starts from. */
  private ScalingHistory start(Instant now, Observation seen) {
    if (!takingOver) {
      return ScalingHistory.empty();
    }
    return new ScalingHistory(
        List.of(new TimedRecommendation(now, seen.specReplicas())),
        List.of(),
        List.of(),
        seen.failuresInStatus());
  }

  /**
   * The forecasting state for these settings: none while prediction is off, and a new one when what
   * the forecaster is trained on changed.
   */
  private Forecasting forecasting(ScaledApiSettings settings) {
    Optional<PredictionSettings> prediction = settings.prediction();
    if (prediction.isEmpty()) {
      forecasting = null;
    } else if (forecasting == null || !forecasting.training().equals(prediction.get().training())) {
      forecasting = new Forecasting(prediction.get().training());
    }
    return forecasting;
  }
}
