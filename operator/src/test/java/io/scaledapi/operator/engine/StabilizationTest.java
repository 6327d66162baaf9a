package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.p;
import static io.scaledapi.operator.engine.Fixtures.recs;
import static io.scaledapi.operator.engine.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StabilizationTest {

  private static Behavior windows(long upSeconds, long downSeconds) {
    return new Behavior(
        rules(Duration.ofSeconds(upSeconds), SelectPolicy.MAX, Fixtures.pods(4, 15)),
        rules(Duration.ofSeconds(downSeconds), SelectPolicy.MAX, Fixtures.percent(100, 15)));
  }

  static Stream<Arguments> stabilize() {
    return Stream.of(
        // no history: the target passes
        Arguments.of(0, 300, recs(T0), 4, 9, 9, Limit.NONE),
        Arguments.of(0, 300, recs(T0), 10, 2, 2, Limit.NONE),
        // a higher recommendation inside the down window holds the scale-down
        Arguments.of(0, 300, recs(T0, p(60, 10)), 10, 2, 10, Limit.SCALE_DOWN_STABILIZATION),
        Arguments.of(0, 300, recs(T0, p(299, 10)), 10, 2, 10, Limit.SCALE_DOWN_STABILIZATION),
        // exactly at the window edge is outside, as the HPA's strict After
        Arguments.of(0, 300, recs(T0, p(300, 10)), 10, 2, 2, Limit.NONE),
        Arguments.of(0, 300, recs(T0, p(301, 10)), 10, 2, 2, Limit.NONE),
        // the highest recommendation within the window wins
        Arguments.of(
            0, 300, recs(T0, p(400, 10), p(100, 6)), 10, 2, 6, Limit.SCALE_DOWN_STABILIZATION),
        // never above current on the way down
        Arguments.of(0, 300, recs(T0, p(100, 20)), 10, 2, 10, Limit.SCALE_DOWN_STABILIZATION),
        // zero down window: scale down at once
        Arguments.of(0, 0, recs(T0, p(1, 10)), 10, 2, 2, Limit.NONE),
        // scale-up window: the lowest recent recommendation
        Arguments.of(60, 300, recs(T0, p(30, 3)), 3, 9, 3, Limit.SCALE_UP_STABILIZATION),
        Arguments.of(60, 300, recs(T0, p(30, 5), p(10, 7)), 3, 9, 5, Limit.SCALE_UP_STABILIZATION),
        Arguments.of(60, 300, recs(T0, p(60, 3)), 3, 9, 9, Limit.NONE),
        // target equals current: nothing to stabilize
        Arguments.of(60, 300, recs(T0, p(30, 1), p(20, 20)), 5, 5, 5, Limit.NONE));
  }

  @ParameterizedTest(name = "[{index}] up {0}s down {1}s, current {3}, target {4} -> {5} {6}")
  @MethodSource
  void stabilize(
      long up,
      long down,
      List<TimedRecommendation> previous,
      int current,
      int target,
      int expected,
      Limit limit) {
    Limited result =
        Stabilization.stabilize(new ReplicaMove(T0, current, target), previous, windows(up, down));
    assertThat(result).isEqualTo(new Limited(expected, limit));
  }
}
