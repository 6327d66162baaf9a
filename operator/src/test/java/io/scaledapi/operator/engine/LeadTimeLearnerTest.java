package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadTimeLearnerTest {

  /** A learner whose scale-ups became ready after each of {@code seconds}, one after another. */
  private static LeadTimeLearner learnedFrom(long... seconds) {
    LeadTimeLearner learner = LeadTimeLearner.empty();
    long t = 0;
    for (long s : seconds) {
      learner = learner.withScaleUp(at(t), 2).withObservation(at(t + s), 2, 2);
      t += s + 10;
    }
    return learner;
  }

  private static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  static Stream<Arguments> deploymentLaggingByAKnownDelay() {
    return Stream.of(
        Arguments.of(60L, 15L, 60L),
        Arguments.of(15L, 15L, 15L),
        Arguments.of(300L, 30L, 300L),
        Arguments.of(50L, 15L, 60L),
        Arguments.of(1L, 15L, 15L));
  }

  @ParameterizedTest(name = "ready {0}s after the write, polled every {1}s -> {2}s")
  @MethodSource
  void deploymentLaggingByAKnownDelay(long delay, long interval, long expected) {
    LeadTimeLearner learner = LeadTimeLearner.empty().withObservation(T0, 2, 2);
    learner = learner.withScaleUp(T0, 5);
    for (long t = interval; t <= delay + 2 * interval; t += interval) {
      int ready = t >= delay ? 5 : 2;
      learner = learner.withObservation(at(t), 5, ready);
    }
    assertThat(learner.estimate()).contains(secs(expected));
    assertThat(learner.lastSample()).contains(secs(expected));
    assertThat(learner.samples()).isEqualTo(1);
    assertThat(learner.pending()).isZero();
    assertThat(learner.abandoned()).isZero();
    assertThat(learner.notReadyReason()).isEmpty();
  }

  static Stream<Arguments> percentilePicksTheSlowOne() {
    return Stream.of(
        Arguments.of(new long[] {40}, 40L),
        Arguments.of(new long[] {30, 30, 120, 30, 30}, 120L),
        Arguments.of(new long[] {30, 31, 32, 33, 34, 35, 36, 37, 120}, 120L),
        Arguments.of(new long[] {30, 30, 30, 30, 120, 30, 30, 30, 30, 90}, 90L),
        Arguments.of(new long[] {30, 30, 30, 30, 120, 30, 30, 30, 30, 30}, 30L),
        Arguments.of(new long[] {30, 30, 30, 120, 30, 30, 30, 30, 30, 120}, 120L));
  }

  @ParameterizedTest(name = "{0} -> {1}s")
  @MethodSource
  void percentilePicksTheSlowOne(long[] seconds, long expected) {
    LeadTimeLearner learner = learnedFrom(seconds);
    assertThat(learner.samples()).isEqualTo(seconds.length);
    assertThat(learner.estimate()).contains(secs(expected));
    assertThat(learner.lastSample()).contains(secs(seconds[seconds.length - 1]));
  }

  @Test
  void keepsOnlyTheLastSamples() {
    LeadTimeLearner learner = learnedFrom(600, 600, 30, 30, 30, 30, 30, 30, 30, 30, 30, 40);
    assertThat(learner.samples()).isEqualTo(LeadTimeLearner.MAX_SAMPLES);
    assertThat(learner.estimate()).contains(secs(30));
  }

  @Test
  void emptyHasNoEstimate() {
    LeadTimeLearner learner = LeadTimeLearner.empty();
    assertThat(learner.estimate()).isEmpty();
    assertThat(learner.lastSample()).isEmpty();
    assertThat(learner.samples()).isZero();
    assertThat(learner.pending()).isZero();
    assertThat(learner.notReadyReason()).contains("no scale-up has been seen becoming ready yet");
  }

  static Stream<Arguments> overlappingScaleUps() {
    return Stream.of(
        // ready replicas at 15 s, 30 s, 45 s, 60 s -> samples, p90 estimate, last sample, pending
        Arguments.of(new int[] {1, 3, 5, 6}, 2, Optional.of(secs(50)), Optional.of(secs(50)), 0),
        Arguments.of(new int[] {1, 6, 6, 6}, 2, Optional.of(secs(30)), Optional.of(secs(20)), 0),
        Arguments.of(new int[] {1, 1, 1, 4}, 1, Optional.of(secs(60)), Optional.of(secs(60)), 1),
        Arguments.of(new int[] {1, 1, 1, 1}, 0, Optional.empty(), Optional.empty(), 2));
  }

  @ParameterizedTest(name = "1->3 at 0s, 3->6 at 10s, ready {0} -> {1} samples, estimate {2}")
  @MethodSource
  void overlappingScaleUps(
      int[] ready,
      int samples,
      Optional<Duration> estimate,
      Optional<Duration> last,
      int stillPending) {
    LeadTimeLearner learner = LeadTimeLearner.empty().withScaleUp(T0, 3).withScaleUp(at(10), 6);
    assertThat(learner.pending()).isEqualTo(2);
    for (int i = 0; i < ready.length; i++) {
      learner = learner.withObservation(at(15L * (i + 1)), 6, ready[i]);
    }
    assertThat(learner.samples()).isEqualTo(samples);
    assertThat(learner.estimate()).isEqualTo(estimate);
    assertThat(learner.lastSample()).isEqualTo(last);
    assertThat(learner.pending()).isEqualTo(stillPending);
    assertThat(learner.abandoned()).isZero();
  }

  @Test
  void scaleUpIsAbandonedWhenTheSpecIsLoweredBelowIt() {
    LeadTimeLearner learner =
        LeadTimeLearner.empty()
            .withScaleUp(T0, 3)
            .withScaleUp(at(5), 6)
            .withObservation(at(15), 4, 2);
    assertThat(learner.pending()).isEqualTo(1);
    assertThat(learner.abandoned()).isEqualTo(1);
    assertThat(learner.timedOut()).isZero();

    learner = learner.withObservation(at(30), 6, 6);
    assertThat(learner.samples()).isEqualTo(1);
    assertThat(learner.estimate()).contains(secs(30));
  }

  @Test
  void lowerScaleUpAbandonsAHigherPendingOne() {
    LeadTimeLearner learner = LeadTimeLearner.empty().withScaleUp(T0, 6).withScaleUp(at(20), 4);
    assertThat(learner.pending()).isEqualTo(1);
    assertThat(learner.abandoned()).isEqualTo(1);
    assertThat(learner.withObservation(at(50), 4, 4).estimate()).contains(secs(30));
  }

  @Test
  void repeatedScaleUpToTheSameCountKeepsTheEarlierTime() {
    LeadTimeLearner learner =
        LeadTimeLearner.empty()
            .withScaleUp(T0, 5)
            .withScaleUp(at(10), 5)
            .withObservation(at(40), 5, 5);
    assertThat(learner.samples()).isEqualTo(1);
    assertThat(learner.estimate()).contains(secs(40));
    assertThat(learner.pending()).isZero();
    assertThat(learner.abandoned()).isZero();
  }

  @Test
  void readingTakenBeforeTheScaleUpLeavesItPending() {
    LeadTimeLearner learner =
        LeadTimeLearner.empty().withScaleUp(at(10), 5).withObservation(at(5), 3, 3);
    assertThat(learner.pending()).isEqualTo(1);
    assertThat(learner.abandoned()).isZero();
    assertThat(learner.withObservation(at(70), 5, 5).estimate()).contains(secs(60));
  }

  static Stream<Arguments> giveUpAge() {
    Duration thirtyMinutes = LeadTimeLearner.DEFAULT_GIVE_UP_AFTER;
    return Stream.of(
        Arguments.of(thirtyMinutes, 1799L, 1, 0),
        Arguments.of(thirtyMinutes, 1800L, 1, 0),
        Arguments.of(thirtyMinutes, 1801L, 0, 1),
        Arguments.of(Duration.ofHours(2), 1801L, 1, 0),
        Arguments.of(Duration.ofHours(2), 7201L, 0, 1));
  }

  @ParameterizedTest(name = "give up after {0}, ready after {1}s -> {2} samples, {3} timed out")
  @MethodSource
  void giveUpAge(Duration giveUpAfter, long readyAfter, int samples, int timedOut) {
    LeadTimeLearner learner =
        LeadTimeLearner.empty(giveUpAfter).withScaleUp(T0, 4).withObservation(at(readyAfter), 4, 4);
    assertThat(learner.samples()).isEqualTo(samples);
    assertThat(learner.timedOut()).isEqualTo(timedOut);
    assertThat(learner.abandoned()).isEqualTo(timedOut);
    assertThat(learner.pending()).isZero();
  }

  @Test
  void podThatNeverBecomesReadyIsDroppedAndReported() {
    LeadTimeLearner learner = LeadTimeLearner.empty().withScaleUp(T0, 4);
    for (long t = 15; t <= 1815; t += 15) {
      learner = learner.withObservation(at(t), 4, 3);
    }
    assertThat(learner.pending()).isZero();
    assertThat(learner.timedOut()).isEqualTo(1);
    assertThat(learner.estimate()).isEmpty();
    assertThat(learner.notReadyReason())
        .contains("no scale-up has been seen becoming ready yet; 1 was not ready within 30m");

    learner = learner.withScaleUp(at(1900), 4).withObservation(at(1930), 4, 4);
    assertThat(learner.estimate()).contains(secs(30));
    assertThat(learner.timedOut()).isEqualTo(1);
  }

  static Stream<Arguments> notReadyReason() {
    return Stream.of(
        Arguments.of(
            LeadTimeLearner.empty().withScaleUp(T0, 3),
            Optional.of("no scale-up has been seen becoming ready yet; 1 pending")),
        Arguments.of(
            LeadTimeLearner.empty(Duration.ofHours(1))
                .withScaleUp(T0, 3)
                .withScaleUp(at(1), 5)
                .withObservation(at(3601), 5, 0)
                .withScaleUp(at(3602), 2),
            Optional.of(
                "no scale-up has been seen becoming ready yet; 1 pending;"
                    + " 1 was not ready within 1h")),
        Arguments.of(
            LeadTimeLearner.empty(Duration.ofSeconds(90))
                .withScaleUp(T0, 3)
                .withScaleUp(at(1), 5)
                .withObservation(at(100), 5, 0),
            Optional.of(
                "no scale-up has been seen becoming ready yet; 2 were not ready within 90s")),
        Arguments.of(learnedFrom(30), Optional.empty()));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource
  void notReadyReason(LeadTimeLearner learner, Optional<String> reason) {
    assertThat(learner.notReadyReason()).isEqualTo(reason);
  }

  @Test
  void pendingScaleUpsAreBounded() {
    LeadTimeLearner learner = LeadTimeLearner.empty();
    int count = LeadTimeLearner.MAX_PENDING + 8;
    for (int i = 1; i <= count; i++) {
      learner = learner.withScaleUp(at(i), i);
    }
    assertThat(learner.pending()).isEqualTo(LeadTimeLearner.MAX_PENDING);
    assertThat(learner.abandoned()).isEqualTo(8);
    // the oldest were dropped: the earliest still pending is the scale-up to 9 at 9 s
    LeadTimeLearner observed = learner.withObservation(at(100), count, 9);
    assertThat(observed.samples()).isEqualTo(1);
    assertThat(observed.lastSample()).contains(secs(91));
    assertThat(observed.pending()).isEqualTo(LeadTimeLearner.MAX_PENDING - 1);
  }

  @Test
  void withMethodsReturnNewValues() {
    LeadTimeLearner empty = LeadTimeLearner.empty();
    LeadTimeLearner scaled = empty.withScaleUp(T0, 3);
    LeadTimeLearner observed = scaled.withObservation(at(20), 3, 3);
    assertThat(empty.pending()).isZero();
    assertThat(scaled.pending()).isEqualTo(1);
    assertThat(scaled.samples()).isZero();
    assertThat(observed.samples()).isEqualTo(1);
    assertThat(observed.pending()).isZero();
  }

  @Test
  void rejectsInvalidArguments() {
    LeadTimeLearner learner = LeadTimeLearner.empty();
    assertThatThrownBy(() -> learner.withScaleUp(T0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toReplicas must be positive: 0");
    assertThatThrownBy(() -> learner.withObservation(T0, 3, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ready -1");
    assertThatThrownBy(() -> learner.withScaleUp(null, 3)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LeadTimeLearner.empty(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
