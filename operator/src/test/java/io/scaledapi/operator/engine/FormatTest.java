package io.scaledapi.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatTest {

  static Stream<Arguments> number() {
    return Stream.of(
        Arguments.of(87.0, "87"),
        Arguments.of(0.0, "0"),
        Arguments.of(-3.0, "-3"),
        Arguments.of(0.42, "0.42"),
        Arguments.of(0.25, "0.25"),
        Arguments.of(12.5, "12.5"),
        Arguments.of(2.0 / 3.0, "0.667"),
        Arguments.of(1234567.891, "1234567.891"),
        Arguments.of(0.0004, "0.0004"),
        Arguments.of(1e20, "1.00e+20"),
        Arguments.of(Double.NaN, "NaN"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void number(double value, String text) {
    assertThat(Format.number(value)).isEqualTo(text);
  }

  static Stream<Arguments> replicas() {
    return Stream.of(
        Arguments.of(0, "0 replicas"), Arguments.of(1, "1 replica"), Arguments.of(9, "9 replicas"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void replicas(int count, String text) {
    assertThat(Format.replicas(count)).isEqualTo(text);
  }

  static Stream<Arguments> limitSuffix() {
    return Stream.of(
        Arguments.of(Limit.NONE, ""),
        Arguments.of(Limit.SCALE_UP_RATE, "; limited to 8 by scale-up policy"),
        Arguments.of(Limit.SCALE_DOWN_RATE, "; limited to 8 by scale-down policy"),
        Arguments.of(Limit.MAX_REPLICAS, "; limited to 8 by maxReplicas"),
        Arguments.of(Limit.MIN_REPLICAS, "; limited to 8 by minReplicas"),
        Arguments.of(Limit.SCALE_UP_STABILIZATION, "; held at 8 by scale-up stabilization window"),
        Arguments.of(
            Limit.SCALE_DOWN_STABILIZATION, "; held at 8 by scale-down stabilization window"),
        Arguments.of(Limit.SCALING_DISABLED, "; held at 8, scaling disabled by policy"));
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @MethodSource
  void limitSuffix(Limit limit, String text) {
    assertThat(Format.limitSuffix(limit, 8)).isEqualTo(text);
  }
}
