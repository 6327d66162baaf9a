package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.at;
import static io.scaledapi.operator.engine.Fixtures.events;
import static io.scaledapi.operator.engine.Fixtures.p;
import static io.scaledapi.operator.engine.Fixtures.percent;
import static io.scaledapi.operator.engine.Fixtures.pods;
import static io.scaledapi.operator.engine.Fixtures.recs;
import static io.scaledapi.operator.engine.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingHistoryTest {

  static Stream<Arguments> withScaleEvent() {
    return Stream.of(
        Arguments.of(1, 5, List.of(new ScaleEvent(T0, 4)), List.of()),
        Arguments.of(10, 3, List.of(), List.of(new ScaleEvent(T0, 7))),
        Arguments.of(4, 4, List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void withScaleEvent(int from, int to, List<ScaleEvent> up, List<ScaleEvent> down) {
    ScalingHistory history = ScalingHistory.empty().withScaleEvent(T0, from, to);
    assertThat(history.scaleUpEvents()).isEqualTo(up);
    assertThat(history.scaleDownEvents()).isEqualTo(down);
    assertThat(history.recommendations()).isEmpty();
  }

  static Stream<Arguments> withScaleEventDropsEventsBeyondTheLongestAllowedPeriod() {
    return Stream.of(Arguments.of(1799L, 2), Arguments.of(1800L, 2), Arguments.of(1801L, 1));
  }

  @ParameterizedTest(name = "event {0}s old -> {1} events kept")
  @MethodSource
  void withScaleEventDropsEventsBeyondTheLongestAllowedPeriod(long ageSeconds, int kept) {
    ScalingHistory old =
        new ScalingHistory(
            List.of(), List.of(new ScaleEvent(T0.minusSeconds(ageSeconds), 2)), List.of(), 3);
    ScalingHistory history = old.withScaleEvent(T0, 2, 6);
    assertThat(history.scaleUpEvents()).hasSize(kept).endsWith(new ScaleEvent(T0, 4));
    assertThat(history.consecutiveFailures()).isEqualTo(3);
  }

  static Stream<Arguments> prune() {
    Behavior behavior =
        new Behavior(
            rules(Duration.ofSeconds(60), SelectPolicy.MAX, pods(4, 15)),
            rules(Duration.ofSeconds(300), SelectPolicy.MAX, percent(100, 120)));
    return Stream.of(
        Arguments.of(
            Behavior.defaults(),
            recs(T0, p(400, 1), p(301, 2), p(300, 3), p(10, 4)),
            List.of(3, 4),
            events(T0, p(16, 1), p(15, 2), p(3, 3)),
            List.of(2, 3)),
        Arguments.of(
            behavior,
            recs(T0, p(400, 1), p(299, 2)),
            List.of(2),
            events(T0, p(121, 1), p(100, 2)),
            List.of(2)));
  }

  @ParameterizedTest(name = "[{index}] keeps recommendations {2}, events {4}")
  @MethodSource
  void prune(
      Behavior behavior,
      List<TimedRecommendation> recommendations,
      List<Integer> keptRecommendations,
      List<ScaleEvent> events,
      List<Integer> keptEvents) {
    ScalingHistory pruned =
        new ScalingHistory(recommendations, events, events, 0).prune(T0, behavior);
    assertThat(pruned.recommendations())
        .extracting(TimedRecommendation::replicas)
        .isEqualTo(keptRecommendations);
    assertThat(pruned.scaleUpEvents()).extracting(ScaleEvent::replicaChange).isEqualTo(keptEvents);
    assertThat(pruned.scaleDownEvents())
        .extracting(ScaleEvent::replicaChange)
        .isEqualTo(keptEvents);
  }

  static Stream<Arguments> withRecommendationAppends() {
    return Stream.of(Arguments.of(0L), Arguments.of(15L), Arguments.of(3600L));
  }

  @ParameterizedTest(name = "recommendation at {0}s is appended")
  @MethodSource
  void withRecommendationAppends(long seconds) {
    ScalingHistory history =
        ScalingHistory.empty().withRecommendation(T0, 3).withRecommendation(at(seconds), 5);
    assertThat(history.recommendations())
        .containsExactly(new TimedRecommendation(T0, 3), new TimedRecommendation(at(seconds), 5));
  }
}
