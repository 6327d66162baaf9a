package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.events;
import static io.scaledapi.operator.engine.Fixtures.history;
import static io.scaledapi.operator.engine.Fixtures.p;
import static io.scaledapi.operator.engine.Fixtures.percent;
import static io.scaledapi.operator.engine.Fixtures.pods;
import static io.scaledapi.operator.engine.Fixtures.rules;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withBehavior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimitsTest {

  private static final Duration NO_WINDOW = Duration.ZERO;
  private static final List<ScaleEvent> NONE = List.of();

  static Stream<Arguments> changedWithin() {
    return Stream.of(
        Arguments.of(events(T0), 15, 0L),
        Arguments.of(events(T0, p(10, 4)), 15, 4L),
        Arguments.of(events(T0, p(15, 4)), 15, 0L),
        Arguments.of(events(T0, p(14, 4), p(5, 3), p(20, 7)), 15, 7L),
        Arguments.of(events(T0, p(14, 4), p(5, 3), p(20, 7)), 60, 14L));
  }

  @ParameterizedTest(name = "[{index}] period {1}s -> {2}")
  @MethodSource
  void changedWithin(List<ScaleEvent> events, long periodSeconds, long expected) {
    assertThat(RateLimits.replicasChangedWithin(events, T0, Duration.ofSeconds(periodSeconds)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> scaleUpLimit() {
    ScalingRules defaults = ScalingRules.defaultScaleUp();
    ScalingRules minOfDefaults = rules(NO_WINDOW, SelectPolicy.MIN, pods(4, 15), percent(100, 15));
    return Stream.of(
        Arguments.of(defaults, 1, NONE, NONE, 5),
        Arguments.of(defaults, 5, NONE, NONE, 10),
        Arguments.of(defaults, 10, NONE, NONE, 20),
        Arguments.of(defaults, 0, NONE, NONE, 4),
        // an event inside the period counts against the budget
        Arguments.of(defaults, 5, events(T0, p(10, 4)), NONE, 5),
        // an event at or beyond the period edge does not
        Arguments.of(defaults, 5, events(T0, p(15, 4)), NONE, 10),
        Arguments.of(minOfDefaults, 10, NONE, NONE, 14),
        Arguments.of(minOfDefaults, 2, NONE, NONE, 4),
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, pods(2, 60)),
            6,
            events(T0, p(30, 2), p(90, 3)),
            NONE,
            6),
        // scale-down events inside the period are added back to the period start
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, percent(50, 60)), 5, NONE, events(T0, p(20, 2)), 11),
        // budget used up: the raw limit may fall below current
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, pods(1, 60)), 5, events(T0, p(10, 3)), NONE, 3),
        Arguments.of(rules(NO_WINDOW, SelectPolicy.DISABLED, pods(4, 15)), 7, NONE, NONE, 7));
  }

  @ParameterizedTest(name = "[{index}] current {1} -> limit {4}")
  @MethodSource
  void scaleUpLimit(
      ScalingRules rules, int current, List<ScaleEvent> up, List<ScaleEvent> down, int limit) {
    assertThat(RateLimits.scaleUpLimit(T0, current, history(up, down), rules)).isEqualTo(limit);
  }

  static Stream<Arguments> scaleDownLimit() {
    ScalingRules podsAndPercent = rules(NO_WINDOW, SelectPolicy.MAX, pods(2, 60), percent(50, 60));
    ScalingRules minOfBoth = rules(NO_WINDOW, SelectPolicy.MIN, pods(2, 60), percent(50, 60));
    return Stream.of(
        Arguments.of(ScalingRules.defaultScaleDown(), 10, NONE, NONE, 0),
        Arguments.of(rules(NO_WINDOW, SelectPolicy.MAX, percent(50, 60)), 10, NONE, NONE, 5),
        // truncation as the HPA: 7 * 0.7 = 4.9 -> 4
        Arguments.of(rules(NO_WINDOW, SelectPolicy.MAX, percent(30, 60)), 7, NONE, NONE, 4),
        // a scale-down inside the period counts against the budget
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, percent(50, 60)), 5, NONE, events(T0, p(30, 5)), 5),
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, percent(50, 60)), 5, NONE, events(T0, p(60, 5)), 2),
        Arguments.of(podsAndPercent, 10, NONE, NONE, 5),
        Arguments.of(minOfBoth, 10, NONE, NONE, 8),
        // scale-up events inside the period lower the period start
        Arguments.of(
            rules(NO_WINDOW, SelectPolicy.MAX, pods(1, 60)), 5, events(T0, p(10, 3)), NONE, 1),
        Arguments.of(rules(NO_WINDOW, SelectPolicy.DISABLED, pods(4, 15)), 7, NONE, NONE, 7));
  }

  @ParameterizedTest(name = "[{index}] current {1} -> limit {4}")
  @MethodSource
  void scaleDownLimit(
      ScalingRules rules, int current, List<ScaleEvent> up, List<ScaleEvent> down, int limit) {
    assertThat(RateLimits.scaleDownLimit(T0, current, history(up, down), rules)).isEqualTo(limit);
  }

  private static ScalingSpec bounded(int min, int max, ScalingRules up, ScalingRules down) {
    return withBehavior(spec(min, max, 10), new Behavior(up, down));
  }

  static Stream<Arguments> apply() {
    ScalingRules up = ScalingRules.defaultScaleUp();
    ScalingRules down = ScalingRules.defaultScaleDown();
    ScalingRules disabled = rules(NO_WINDOW, SelectPolicy.DISABLED, pods(4, 15));
    ScalingRules twoPods = rules(NO_WINDOW, SelectPolicy.MAX, pods(2, 60));
    ScalingRules noPolicies = rules(NO_WINDOW, SelectPolicy.MAX);
    ScalingHistory empty = ScalingHistory.empty();
    return Stream.of(
        Arguments.of(bounded(1, 50, up, down), 1, 100, empty, 5, Limit.SCALE_UP_RATE),
        Arguments.of(bounded(1, 10, up, down), 4, 9, empty, 8, Limit.SCALE_UP_RATE),
        Arguments.of(bounded(1, 10, up, down), 4, 7, empty, 7, Limit.NONE),
        Arguments.of(bounded(1, 12, up, down), 8, 20, empty, 12, Limit.MAX_REPLICAS),
        // limit equal to max: reported as the bound, as the HPA
        Arguments.of(bounded(1, 16, up, down), 8, 20, empty, 16, Limit.MAX_REPLICAS),
        Arguments.of(bounded(1, 16, up, down), 8, 16, empty, 16, Limit.NONE),
        Arguments.of(bounded(1, 10, disabled, down), 4, 9, empty, 4, Limit.SCALING_DISABLED),
        Arguments.of(bounded(1, 10, up, disabled), 9, 4, empty, 9, Limit.SCALING_DISABLED),
        Arguments.of(bounded(2, 10, up, down), 10, 0, empty, 2, Limit.MIN_REPLICAS),
        Arguments.of(bounded(1, 10, up, twoPods), 10, 3, empty, 8, Limit.SCALE_DOWN_RATE),
        // budget used up by an earlier scale-up: hold at current
        Arguments.of(
            bounded(1, 10, twoPods, down),
            5,
            9,
            history(events(T0, p(10, 3)), NONE),
            5,
            Limit.SCALE_UP_RATE),
        Arguments.of(bounded(1, 10, noPolicies, down), 5, 9, empty, 5, Limit.SCALE_UP_RATE),
        Arguments.of(bounded(1, 10, up, noPolicies), 5, 2, empty, 5, Limit.SCALE_DOWN_RATE),
        Arguments.of(bounded(1, 10, up, down), 5, 5, empty, 5, Limit.NONE));
  }

  @ParameterizedTest(name = "[{index}] {1} -> {2}: {4} {5}")
  @MethodSource
  void apply(
      ScalingSpec spec,
      int current,
      int target,
      ScalingHistory history,
      int expected,
      Limit limit) {
    assertThat(RateLimits.apply(new ReplicaMove(T0, current, target), spec, history))
        .isEqualTo(new Limited(expected, limit));
  }
}
