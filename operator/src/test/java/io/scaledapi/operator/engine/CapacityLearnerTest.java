package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapacityLearnerTest {

  private static final String WHY =
      " samples of throughput per replica; samples are taken while requests wait and the ready"
          + " replicas do not change";

  /** A poll without a served-rate query: the arrival rate, the queue and the ready replicas. */
  static CapacityLearner.Sighting arrivals(
      Instant at, double arrivalRate, double queue, int ready) {
    return new CapacityLearner.Sighting(
        at, false, OptionalDouble.empty(), OptionalDouble.of(arrivalRate), queue, ready);
  }

  /** A poll with a served-rate query. */
  static CapacityLearner.Sighting served(long seconds, double servedRate, double queue, int ready) {
    return new CapacityLearner.Sighting(
        at(seconds), true, OptionalDouble.of(servedRate), OptionalDouble.of(9999), queue, ready);
  }

  /** One observation; {@code seconds} after {@link Fixtures#T0}. */
  private record Obs(double seconds, double arrivalRate, double queueDepth, int ready) {
    CapacityLearner applyTo(CapacityLearner learner) {
      return learner.withSighting(
          arrivals(T0.plusMillis(Math.round(seconds * 1000)), arrivalRate, queueDepth, ready));
    }
  }

  /** A learner whose samples are {@code perReplica}, from a steady queue and one replica. */
  private static CapacityLearner learnedFrom(double... perReplica) {
    CapacityLearner learner = CapacityLearner.empty().withSighting(arrivals(T0, 0, 10, 1));
    for (int i = 0; i < perReplica.length; i++) {
      learner = learner.withSighting(arrivals(at(15L * (i + 1)), perReplica[i], 10, 1));
    }
    return learner;
  }

  static Stream<Arguments> sampleFromTwoObservations() {
    return Stream.of(
        Arguments.of(
            "3 replicas at 50/s, 200/s arriving, queue growing 50/s",
            new Obs(0, 200, 100, 3),
            new Obs(10, 200, 600, 3),
            OptionalDouble.of(50)),
        Arguments.of(
            "2 replicas at 65/s, 100/s arriving, queue draining 30/s",
            new Obs(0, 100, 600, 2),
            new Obs(10, 100, 300, 2),
            OptionalDouble.of(65)),
        Arguments.of(
            "steady non-empty queue",
            new Obs(0, 120, 40, 4),
            new Obs(15, 120, 40, 4),
            OptionalDouble.of(30)),
        Arguments.of(
            "queue of exactly one at both ends",
            new Obs(0, 10, 1, 1),
            new Obs(10, 10, 1, 1),
            OptionalDouble.of(10)),
        Arguments.of(
            "half-second interval",
            new Obs(0, 200, 100, 3),
            new Obs(0.5, 200, 125, 3),
            OptionalDouble.of(50)),
        Arguments.of(
            "uses the later arrival rate",
            new Obs(0, 999, 100, 3),
            new Obs(10, 200, 600, 3),
            OptionalDouble.of(50)),
        Arguments.of(
            "queue emptied",
            new Obs(0, 200, 100, 3),
            new Obs(10, 200, 0, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "queue was empty",
            new Obs(0, 200, 0, 3),
            new Obs(10, 200, 500, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "queue below one request",
            new Obs(0, 200, 0.5, 3),
            new Obs(10, 200, 0.9, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "ready replicas changed",
            new Obs(0, 200, 100, 3),
            new Obs(10, 200, 600, 4),
            OptionalDouble.empty()),
        Arguments.of(
            "no ready replicas",
            new Obs(0, 200, 100, 0),
            new Obs(10, 200, 600, 0),
            OptionalDouble.empty()),
        Arguments.of(
            "time did not advance",
            new Obs(10, 200, 100, 3),
            new Obs(10, 200, 600, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "time went back",
            new Obs(10, 200, 100, 3),
            new Obs(0, 200, 600, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "arrival rate unknown",
            new Obs(0, 200, 100, 3),
            new Obs(10, Double.NaN, 600, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "queue depth infinite",
            new Obs(0, 200, 100, 3),
            new Obs(10, 200, Double.POSITIVE_INFINITY, 3),
            OptionalDouble.empty()),
        Arguments.of(
            "queue growing faster than arrivals",
            new Obs(0, 10, 100, 2),
            new Obs(10, 10, 600, 2),
            OptionalDouble.empty()),
        Arguments.of(
            "nothing served",
            new Obs(0, 50, 100, 2),
            new Obs(10, 50, 600, 2),
            OptionalDouble.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sampleFromTwoObservations(String name, Obs previous, Obs current, OptionalDouble sample) {
    CapacityLearner first = previous.applyTo(CapacityLearner.empty());
    assertThat(first.samples()).isZero();
    CapacityLearner learner = current.applyTo(first);
    assertThat(learner.samples()).isEqualTo(sample.isPresent() ? 1 : 0);
    if (sample.isPresent()) {
      assertThat(learner.lastSample().orElseThrow()).isCloseTo(sample.getAsDouble(), within(1e-9));
    } else {
      assertThat(learner.lastSample()).isEmpty();
    }
  }

  static Stream<Arguments> notReadyBeforeThreeSamples() {
    return Stream.of(
        Arguments.of(0, OptionalDouble.empty(), Optional.of("0 of 3" + WHY)),
        Arguments.of(1, OptionalDouble.empty(), Optional.of("1 of 3" + WHY)),
        Arguments.of(2, OptionalDouble.empty(), Optional.of("2 of 3" + WHY)),
        Arguments.of(3, OptionalDouble.of(50), Optional.empty()),
        Arguments.of(4, OptionalDouble.of(50), Optional.empty()));
  }

  @ParameterizedTest(name = "{0} saturated intervals -> estimate {1}")
  @MethodSource
  void notReadyBeforeThreeSamples(int intervals, OptionalDouble estimate, Optional<String> reason) {
    // 3 replicas each serving 50/s, 200/s arriving: the queue grows by 50/s.
    CapacityLearner learner = CapacityLearner.empty().withSighting(arrivals(T0, 200, 100, 3));
    for (int i = 1; i <= intervals; i++) {
      learner = learner.withSighting(arrivals(at(15L * i), 200, 100 + 50 * 15 * i, 3));
    }
    assertThat(learner.samples()).isEqualTo(intervals);
    assertThat(learner.estimate()).isEqualTo(estimate);
    assertThat(learner.notReadyReason()).isEqualTo(reason);
  }

  @Test
  void observationWithoutASampleStillBecomesThePreviousOne() {
    CapacityLearner learner =
        CapacityLearner.empty()
            .withSighting(arrivals(at(0), 200, 100, 3))
            .withSighting(arrivals(at(10), 200, 0, 3))
            .withSighting(arrivals(at(20), 200, 100, 3))
            .withSighting(arrivals(at(30), 200, 600, 3));
    assertThat(learner.samples()).isEqualTo(1);
    assertThat(learner.lastSample()).hasValue(150.0 / 3);

    CapacityLearner afterScale =
        CapacityLearner.empty()
            .withSighting(arrivals(at(0), 200, 100, 3))
            .withSighting(arrivals(at(10), 200, 600, 4))
            .withSighting(arrivals(at(20), 200, 600, 4));
    assertThat(afterScale.samples()).isEqualTo(1);
    assertThat(afterScale.lastSample()).hasValue(50.0);
  }

  static Stream<Arguments> medianIsRobustToAnOutlier() {
    return Stream.of(
        Arguments.of(new double[] {50, 51, 49}, 50.0),
        Arguments.of(new double[] {50, 5000, 49}, 50.0),
        Arguments.of(new double[] {48, 50, 52, 500}, 51.0),
        Arguments.of(new double[] {0.5, 50, 51, 49, 50}, 50.0),
        Arguments.of(new double[] {50, 51, 49, 50, 9000, 50}, 50.0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void medianIsRobustToAnOutlier(double[] samples, double median) {
    CapacityLearner learner = learnedFrom(samples);
    assertThat(learner.samples()).isEqualTo(samples.length);
    assertThat(learner.estimate()).hasValue(median);
  }

  @Test
  void keepsOnlyTheLastSamples() {
    double[] values = new double[25];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1;
    }
    CapacityLearner learner = learnedFrom(values);
    assertThat(learner.samples()).isEqualTo(CapacityLearner.MAX_SAMPLES);
    // samples 6..25 are kept; with all 25 the median would be 13
    assertThat(learner.estimate()).hasValue(15.5);
    assertThat(learner.lastSample()).hasValue(25.0);
  }

  @Test
  void withObservationReturnsANewValue() {
    CapacityLearner empty = CapacityLearner.empty();
    CapacityLearner first = empty.withSighting(arrivals(T0, 200, 100, 3));
    CapacityLearner second = first.withSighting(arrivals(at(10), 200, 600, 3));
    assertThat(empty.samples()).isZero();
    assertThat(first.samples()).isZero();
    assertThat(second.samples()).isEqualTo(1);
    assertThat(first.withSighting(arrivals(at(10), 200, 600, 3)).lastSample()).hasValue(50.0);
    assertThat(empty.withSighting(arrivals(at(10), 200, 600, 3)).samples()).isZero();
  }

  @Test
  void rejectsInvalidArguments() {
    assertThatThrownBy(() -> arrivals(T0, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readyReplicas must not be negative: -1");
    assertThatThrownBy(() -> arrivals(null, 1, 1, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CapacityLearner.empty().withSighting(null))
        .isInstanceOf(NullPointerException.class);
  }

  /** Polls every 15 s from 0; each is (served rate, waiting, ready). */
  private static CapacityLearner polls(double[]... polls) {
    CapacityLearner learner = CapacityLearner.empty();
    for (int i = 0; i < polls.length; i++) {
      learner = learner.withSighting(served(15L * i, polls[i][0], polls[i][1], (int) polls[i][2]));
    }
    return learner;
  }

  static Stream<Arguments> servedRateIsASampleWhenBusyTwiceAndReadyForAMinute() {
    double[] busy = {200, 40, 4};
    return Stream.of(
        Arguments.of("busy for 45 s", new double[][] {busy, busy, busy, busy}, new double[] {}),
        Arguments.of(
            "busy for 60 s", new double[][] {busy, busy, busy, busy, busy}, new double[] {50}),
        Arguments.of(
            "busy for 75 s",
            new double[][] {busy, busy, busy, busy, busy, busy},
            new double[] {50, 50}),
        Arguments.of(
            "the queue empties at one poll: it and the next give none",
            new double[][] {busy, busy, busy, busy, {150, 0, 4}, busy, busy},
            new double[] {50}),
        Arguments.of(
            "the queue is below one request",
            new double[][] {busy, busy, busy, busy, {200, 0.5, 4}, busy},
            new double[] {}),
        Arguments.of(
            "replicas idle part of the window: a lower sample",
            new double[][] {busy, busy, busy, busy, {150, 10, 4}, {180, 30, 4}},
            new double[] {37.5, 45}),
        Arguments.of(
            "a replica becomes ready",
            new double[][] {busy, busy, busy, {250, 40, 5}, {250, 40, 5}},
            new double[] {}),
        Arguments.of(
            "requests dropped at the timeout are not served",
            new double[][] {
              {200, 30_000, 4},
              {200, 30_000, 4},
              {200, 30_000, 4},
              {200, 30_000, 4},
              {200, 30_000, 4}
            },
            new double[] {50}),
        Arguments.of(
            "nothing served",
            new double[][] {{0, 40, 4}, {0, 40, 4}, {0, 40, 4}, {0, 40, 4}, {0, 40, 4}},
            new double[] {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void servedRateIsASampleWhenBusyTwiceAndReadyForAMinute(
      String name, double[][] polls, double[] samples) {
    CapacityLearner learner = polls(polls);
    assertThat(learner.samples()).isEqualTo(samples.length);
    if (samples.length > 0) {
      assertThat(learner.lastSample()).hasValue(samples[samples.length - 1]);
    }
  }

  @Test
  void aServedRateIsUsedRatherThanArrivalsMinusQueueGrowth() {
    // 1,000/s arrive at 4 replicas serving 50/s each; the queue is full and drops the rest, so it
    // does not grow: arrivals minus growth would read 250 per replica
    CapacityLearner learner = CapacityLearner.empty();
    for (int i = 0; i <= 6; i++) {
      learner =
          learner.withSighting(
              new CapacityLearner.Sighting(
                  at(15L * i), true, OptionalDouble.of(200), OptionalDouble.of(1000), 30_000, 4));
    }
    assertThat(learner.samples()).isEqualTo(3);
    assertThat(learner.estimate()).hasValue(50.0);
  }

  @Test
  void fromServedRatesTheEstimateIsAHighQuantileAsSamplesOnlyUnderstate() {
    // ten samples: the replicas idled in part of the window of all but the last three
    double[] rates = {120, 140, 160, 180, 160, 140, 120, 200, 200, 200};
    CapacityLearner learner = CapacityLearner.empty();
    for (int i = 0; i < 4 + rates.length; i++) {
      double rate = i < 4 ? 100 : rates[i - 4];
      learner = learner.withSighting(served(15L * i, rate, 40, 4));
    }
    assertThat(learner.samples()).isEqualTo(rates.length);
    assertThat(learner.estimate()).hasValue(50.0); // the 0.9 quantile; the median is 40
  }

  /**
   * A served-rate query that fails for a poll (an outage, or a rate window with one scrape after
   * it) gives no sample and keeps the samples: the kind of sample follows the spec, not the read.
   */
  @Test
  void aFailedServedRateReadKeepsTheSamples() {
    CapacityLearner learner = CapacityLearner.empty();
    for (int i = 0; i < 10; i++) {
      learner = learner.withSighting(served(15L * i, 200, 40, 4));
    }
    int samples = learner.samples();
    assertThat(learner.estimate()).hasValue(50.0);

    learner =
        learner.withSighting(
            new CapacityLearner.Sighting(
                at(150), true, OptionalDouble.empty(), OptionalDouble.of(180), 40, 4));
    assertThat(learner.samples()).isEqualTo(samples);
    assertThat(learner.estimate()).hasValue(50.0);

    learner = learner.withSighting(served(165, 200, 40, 4));
    assertThat(learner.samples()).isEqualTo(samples + 1);
  }
}
