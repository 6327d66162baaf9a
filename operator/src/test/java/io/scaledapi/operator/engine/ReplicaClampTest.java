package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaClampTest {

  static Stream<Arguments> clamp() {
    return Stream.of(
        Arguments.of(2, 10, 5, 5, Limit.NONE),
        Arguments.of(2, 10, 2, 2, Limit.NONE),
        Arguments.of(2, 10, 10, 10, Limit.NONE),
        Arguments.of(2, 10, 1, 2, Limit.MIN_REPLICAS),
        Arguments.of(2, 10, 0, 2, Limit.MIN_REPLICAS),
        Arguments.of(2, 10, 11, 10, Limit.MAX_REPLICAS),
        Arguments.of(0, 1, Integer.MAX_VALUE, 1, Limit.MAX_REPLICAS));
  }

  @ParameterizedTest(name = "[{0}, {1}] clamps {2} to {3} ({4})")
  @MethodSource
  void clamp(int min, int max, int replicas, int expected, Limit limit) {
    assertThat(ReplicaClamp.clamp(replicas, spec(min, max, 10)))
        .isEqualTo(new Limited(expected, limit));
  }
}
