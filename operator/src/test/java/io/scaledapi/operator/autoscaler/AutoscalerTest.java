package io.scaledapi.operator.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.engine.Reason;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.engine.Signals;
import io.scaledapi.operator.engine.TimedRecommendation;
import io.scaledapi.operator.spec.PredictionSettings;
import io.scaledapi.operator.spec.ScaledApiSettings;
import io.scaledapi.operator.spec.SignalQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The steps of one ScaledApi's polls: how an autoscaler starts, what it remembers of a scale, when
 * it polls and warms up, and that forgetting it drops everything.
 */
class AutoscalerTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration POLL = Duration.ofSeconds(15);

  /** One replica per 10 waiting; the HPA's default behavior (5-minute scale-down window). */
  static ScaledApiSettings settings(Optional<PredictionSettings> prediction) {
    return new ScaledApiSettings(
        ScalingSpec.withDefaults(1, 20, 10),
        POLL,
        new SignalQueries(
            "sum(q)",
            Optional.empty(),
            Optional.of("sum(rate(a[1m]))"),
            Optional.of("sum(rate(s[1m]))")),
        prediction);
  }

  static PredictionSettings prediction(String query) {
    return new PredictionSettings(
        new PredictionSettings.Training(query, Duration.ofDays(7), Duration.ofDays(1), null),
        Optional.of(Duration.ofSeconds(90)),
        0.9,
        OptionalDouble.of(50),
        true);
  }

  static Observation seen(int replicas, double queue, int failuresInStatus) {
    return new Observation(
        replicas,
        replicas,
        Signals.queueAndArrivals(SignalReading.of(queue, NOW), SignalReading.of(100, NOW)),
        OptionalDouble.empty(),
        OptionalDouble.of(queue),
        failuresInStatus);
  }

  /** A poll of {@code ready} busy replicas: arrivals, requests waiting, the served rate. */
  static Observation busy(int ready, double arrivals, double waiting, double served) {
    return new Observation(
        ready,
        ready,
        Signals.queueAndArrivals(SignalReading.of(waiting, NOW), SignalReading.of(arrivals, NOW)),
        OptionalDouble.of(served),
        OptionalDouble.of(waiting),
        0);
  }

  @Test
  void capacityIsLearnedWithoutPredictionAndThenTheDemandRuleDecides() {
    Autoscaler autoscaler = Autoscaler.blank();
    ScaledApiSettings settings = settings(Optional.empty());
    Autoscaler.Poll poll = null;
    for (int i = 0; i <= 6; i++) {
      poll = autoscaler.poll(settings, NOW.plus(POLL.multipliedBy(i)), busy(4, 200, 40, 200));
      if (i < 6) {
        assertThat(poll.decision().reason()).as("poll %d", i).isNotEqualTo(Reason.DEMAND);
      }
    }
    assertThat(autoscaler.learnedCapacity()).hasValue(50.0);
    assertThat(poll.decision().reason()).isEqualTo(Reason.DEMAND);
    // (200 + 40 / 75) / 35 = 5.73: the queue rule held 4 (40 waiting at 10 each)
    assertThat(poll.decision().recommendedReplicas()).isEqualTo(6);
  }

  /** Settings whose queue target (1,000 per replica) keeps the queue rule out of the way. */
  static ScaledApiSettings queueRuleAside() {
    return new ScaledApiSettings(
        ScalingSpec.withDefaults(1, 20, 1000),
        POLL,
        settings(Optional.empty()).queries(),
        Optional.of(prediction("sum(rate(a[1m]))")));
  }

  @Test
  void aQueueThatGrowsBetweenPollsShowsTheInflowBeforeTheRateQueryDoes() {
    Autoscaler autoscaler = Autoscaler.blank();
    ScaledApiSettings settings = queueRuleAside();
    autoscaler.poll(settings, NOW, busy(2, 60, 100, 100));
    Autoscaler.Poll poll = autoscaler.poll(settings, NOW.plus(POLL), busy(2, 60, 400, 100));
    // 2 x 50 served + 300 more waiting in 15 s: 120 req/s arrive; 400 waiting drain over 90 s
    assertThat(poll.decision().reason()).isEqualTo(Reason.DEMAND);
    assertThat(poll.decision().message()).startsWith("inflow through the queue 120 req/s");
    assertThat(poll.decision().recommendedReplicas()).isEqualTo(4); // (120 + 4.4) / 35
  }

  @Test
  void aQueueBeingDrainedIsNotReadAsInflow() {
    Autoscaler autoscaler = Autoscaler.blank();
    ScaledApiSettings settings = queueRuleAside();
    // 1,400 waiting, then 20 ready replicas drained all but 50 of them in one poll: what they
    // served is the backlog, not arrivals; the arrival rate read says 50 req/s
    autoscaler.poll(settings, NOW, busy(13, 50, 1400, 100));
    Autoscaler.Poll poll = autoscaler.poll(settings, NOW.plus(POLL), busy(20, 50, 50, 100));
    assertThat(poll.decision().message()).startsWith("arrivals 50 req/s");
  }

  @Test
  void replicasThatBecameReadyBetweenPollsDoNotCountAsServingThroughout() {
    Autoscaler autoscaler = Autoscaler.blank();
    ScaledApiSettings settings = queueRuleAside();
    autoscaler.poll(settings, NOW, busy(2, 60, 100, 100));
    Autoscaler.Poll poll = autoscaler.poll(settings, NOW.plus(POLL), busy(6, 60, 400, 100));
    // 2 ready at both polls: 2 x 50 served + 300 more waiting in 15 s is 120 req/s, not 6 x 50 + 20
    assertThat(poll.decision().message()).startsWith("inflow through the queue 120 req/s");
  }

  @Test
  void takingOverHoldsTheCurrentReplicasForOneScaleDownWindow() {
    Autoscaler autoscaler = Autoscaler.takingOver();

    Autoscaler.Poll poll = autoscaler.poll(settings(Optional.empty()), NOW, seen(7, 0, 0));

    assertThat(poll.decision().desiredReplicas()).as("an empty queue asks for 1").isEqualTo(7);
    assertThat(poll.decision().history().recommendations())
        .startsWith(new TimedRecommendation(NOW, 7));
    assertThat(poll.forecast()).isEqualTo(new ForecastOutcome.Off());
  }

  @Test
  void takingOverRestoresTheFailureCountFromStatus() {
    Observation failing =
        new Observation(
            3,
            3,
            Signals.queueOnly(SignalReading.failed("down")),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            4);

    Autoscaler.Poll poll = Autoscaler.takingOver().poll(settings(Optional.empty()), NOW, failing);

    assertThat(poll.decision().history().consecutiveFailures()).isEqualTo(5);
  }

  @Test
  void aBlankAutoscalerRemembersNothingBeforeItsFirstPoll() {
    Autoscaler.Poll poll = Autoscaler.blank().poll(settings(Optional.empty()), NOW, seen(7, 0, 4));

    assertThat(poll.decision().desiredReplicas()).isEqualTo(1);
    assertThat(poll.decision().history().consecutiveFailures()).isZero();
  }

  @Test
  void aScaleIsRememberedForRatePoliciesAndUntilStatusShowsIt() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    autoscaler.poll(settings(Optional.empty()), NOW, seen(1, 45, 0));
    Instant at = NOW.plusMillis(700);
    autoscaler.scaled(at, 1, 5, "1 -> 5: queue depth 45");
    Autoscaler.LastScale last = new Autoscaler.LastScale(at, "1 -> 5: queue depth 45");

    assertThat(autoscaler.unreportedScale(Optional.empty())).contains(last);
    assertThat(autoscaler.unreportedScale(Optional.of(Instant.parse("2024-12-31T23:59:00Z"))))
        .contains(last);
    // status carries whole seconds
    assertThat(autoscaler.unreportedScale(Optional.of(NOW))).isEmpty();
    assertThat(autoscaler.unreportedScale(Optional.empty())).as("dropped once shown").isEmpty();

    Autoscaler.Poll next =
        autoscaler.poll(settings(Optional.empty()), NOW.plus(POLL), seen(5, 45, 0));
    assertThat(next.decision().history().scaleUpEvents()).hasSize(1);
  }

  @Test
  void pollsArePacedByTheIntervalOnTheMonotonicClock() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    long start = 5_000_000_000L;

    assertThat(autoscaler.untilNextPoll(start, POLL)).as("first poll").isEmpty();
    autoscaler.polling(start);
    assertThat(autoscaler.untilNextPoll(start + 1_000_000_000L, POLL))
        .contains(Duration.ofSeconds(14));
    assertThat(autoscaler.untilNextPoll(start + 14_999_999_999L, POLL))
        .as("rounded up to whole ms")
        .contains(Duration.ofMillis(1));
    assertThat(autoscaler.untilNextPoll(start + 15_000_000_000L, POLL)).isEmpty();
  }

  @Test
  void aPollIsLateByWhatPassedSinceItWasDue() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    long start = 5_000_000_000L;

    assertThat(autoscaler.lateness(start, POLL)).as("the first poll was never due").isEmpty();
    autoscaler.polling(start);
    assertThat(autoscaler.lateness(start + 15_000_000_000L, POLL)).contains(Duration.ZERO);
    assertThat(autoscaler.lateness(start + 17_250_000_000L, POLL))
        .contains(Duration.ofMillis(2_250));
    assertThat(autoscaler.lateness(start + 1_000_000_000L, POLL))
        .as("an early reading is not late")
        .contains(Duration.ZERO);
  }

  @Test
  void warmUpIsDueOnceAndAgainAfterAFailureOnceTheRetryHasPassed() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    ScaledApiSettings settings = settings(Optional.of(prediction("sum(rate(a[1m]))")));

    assertThat(autoscaler.warmUpDue(settings(Optional.empty()), NOW))
        .as("prediction off")
        .isFalse();
    assertThat(autoscaler.warmUpDue(settings, NOW)).isTrue();

    autoscaler.warmUp(settings, NOW, List.of(), false, "Prometheus is down");
    assertThat(autoscaler.warmUpDue(settings, NOW.plusSeconds(59))).isFalse();
    assertThat(autoscaler.warmUpDue(settings, NOW.plus(Autoscaler.WARM_UP_RETRY))).isTrue();

    autoscaler.warmUp(settings, NOW.plus(Autoscaler.WARM_UP_RETRY), List.of(), true, "warmed");
    assertThat(autoscaler.warmUpDue(settings, NOW.plus(Duration.ofHours(1)))).isFalse();
  }

  @Test
  void aNotReadyForecastSaysWhatTheWarmUpDid() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    ScaledApiSettings settings = settings(Optional.of(prediction("sum(rate(a[1m]))")));
    autoscaler.warmUp(settings, NOW, List.of(), false, "Prometheus is down");

    ForecastOutcome outcome = autoscaler.poll(settings, NOW, seen(1, 0, 0)).forecast();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ForecastOutcome.NotReady.class,
            notReady -> {
              assertThat(notReady.warmUp()).contains("Prometheus is down");
              assertThat(notReady.lead()).isEqualTo(new LeadTime(Duration.ofSeconds(90), "Spec"));
            });
    assertThat(outcome.demand()).isEmpty();
  }

  @Test
  void aChangeOfWhatTheForecasterTrainsOnStartsAFreshForecaster() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    ScaledApiSettings first = settings(Optional.of(prediction("sum(rate(a[1m]))")));
    autoscaler.warmUp(first, NOW, List.of(), true, "warmed");
    assertThat(autoscaler.warmUpDue(first, NOW)).isFalse();

    ScaledApiSettings edited = settings(Optional.of(prediction("sum(rate(b[1m]))")));
    assertThat(autoscaler.warmUpDue(edited, NOW)).as("a new forecaster warms up").isTrue();
  }

  @Test
  void warmHistoryLetsTheFirstPollForecast() {
    Autoscaler autoscaler = Autoscaler.takingOver();
    ScaledApiSettings settings = settings(Optional.of(prediction("sum(rate(a[1m]))")));
    List<Autoscaler.RatePoint> week =
        java.util.stream.IntStream.range(0, 7 * 24 * 60)
            .mapToObj(m -> new Autoscaler.RatePoint(NOW.minus(Duration.ofMinutes(m)), 500))
            .sorted(java.util.Comparator.comparing(Autoscaler.RatePoint::time))
            .toList();
    autoscaler.warmUp(settings, NOW, week, true, "warmed");

    Autoscaler.Poll poll = autoscaler.poll(settings, NOW, seen(1, 0, 0));

    assertThat(poll.forecast()).isInstanceOf(ForecastOutcome.Ready.class);
    assertThat(poll.forecast().demand().orElseThrow().replicas())
        .as("500 req/s at 50 each")
        .isGreaterThanOrEqualTo(10);
    assertThat(poll.decision().reason()).isEqualTo(Reason.FORECAST);
    assertThat(poll.decision().recommendedReplicas()).isGreaterThanOrEqualTo(10);
    assertThat(poll.decision().desiredReplicas())
        .as("the default scale-up policy allows +4 pods per 15 s")
        .isEqualTo(5);
  }

  @Test
  void forgettingAScaledApiDropsEverythingItRemembered() {
    Autoscalers autoscalers = new Autoscalers();
    Autoscaler a = autoscalers.of("uid-a");
    a.polling(1L);
    a.poll(settings(Optional.empty()), NOW, seen(1, 45, 0));
    a.scaled(NOW, 1, 5, "1 -> 5");
    assertThat(autoscalers.of("uid-a")).isSameAs(a);
    assertThat(autoscalers.of("uid-b")).isNotSameAs(a);

    autoscalers.forget("uid-a");

    Autoscaler fresh = autoscalers.of("uid-a");
    assertThat(fresh).isNotSameAs(a);
    assertThat(fresh.unreportedScale(Optional.empty())).isEmpty();
    assertThat(fresh.untilNextPoll(2L, POLL)).isEmpty();
    assertThat(autoscalers.size()).isEqualTo(2);
  }
}
