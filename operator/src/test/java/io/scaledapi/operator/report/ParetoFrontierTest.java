package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pareto filter and the readings between its points. */
class ParetoFrontierTest {

  static FrontierPoint p(String setting, double cost, double share) {
    return new FrontierPoint(setting, cost, share, false);
  }

  static FrontierPoint d(String setting, double cost, double share) {
    return new FrontierPoint(setting, cost, share, true);
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("none", List.of(), List.of()),
        Arguments.of("a single point", List.of(p("a", 10, 0.1)), List.of("a")),
        Arguments.of("one beaten on both", List.of(p("a", 12, 0.2), p("b", 10, 0.1)), List.of("b")),
        Arguments.of(
            "a trade-off is kept, cheapest first",
            List.of(p("a", 12, 0.05), p("b", 10, 0.1)),
            List.of("b", "a")),
        Arguments.of(
            "equal costs: the lower share",
            List.of(p("a", 10, 0.1), p("b", 10, 0.05)),
            List.of("b")),
        Arguments.of(
            "equal shares: the lower cost",
            List.of(p("a", 12, 0.1), p("b", 10, 0.1)),
            List.of("b")),
        Arguments.of(
            "equal points: the default", List.of(p("a", 10, 0.1), d("b", 10, 0.1)), List.of("b")),
        Arguments.of(
            "equal points: else the first",
            List.of(p("a", 10, 0.1), p("b", 10, 0.1)),
            List.of("a")),
        Arguments.of(
            "not a number is left out",
            List.of(p("a", Double.NaN, 0), p("b", 10, Double.NaN), p("c", 20, 0.1)),
            List.of("c")),
        Arguments.of(
            "a sweep",
            List.of(
                p("u0.9", 4, 0.01),
                p("u0.3", 1, 0.1),
                p("u0.5", 2, 0.05),
                p("u0.4", 3, 0.08),
                p("u1.0", 5, 0.01),
                p("u0.8", 6, 0)),
            List.of("u0.3", "u0.5", "u0.9", "u0.8")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void keepsWhatNothingElseBeats(String name, List<FrontierPoint> in, List<String> kept) {
    assertThat(ParetoFrontier.of(in).points()).extracting(FrontierPoint::setting).isEqualTo(kept);
  }

  /** 0.01 at 100, 0.0001 at 200, 0 at 300: a log-straight segment, then one ending at zero. */
  static final ParetoFrontier THREE =
      ParetoFrontier.of(List.of(p("a", 100, 0.01), p("b", 200, 0.0001), p("c", 300, 0)));

  @ParameterizedTest
  @CsvSource({
    "100, 0.01",
    "150, 0.001",
    "175, 0.000316227766016838",
    "200, 0.0001",
    "250, 0.00005",
    "300, 0",
    // outside: no extrapolation
    "99, NaN",
    "301, NaN",
  })
  void shareAtACost(double cost, double share) {
    check(THREE.shareAt(cost), share);
  }

  @ParameterizedTest
  @CsvSource({
    "0.01, 100",
    "0.001, 150",
    "0.000316227766016838, 175",
    "0.0001, 200",
    "0.00005, 250",
    "0, 300",
    "0.02, NaN",
    "-0.001, NaN",
  })
  void costAtAShare(double share, double cost) {
    check(THREE.costAt(share), cost);
  }

  @Test
  void aSinglePointIsReadAtItselfAlone() {
    ParetoFrontier one = ParetoFrontier.of(List.of(p("a", 100, 0.01)));

    check(one.shareAt(100), 0.01);
    check(one.shareAt(100.5), Double.NaN);
    check(one.costAt(0.01), 100);
    check(one.costAt(0.005), Double.NaN);
    check(ParetoFrontier.of(List.of()).shareAt(1), Double.NaN);
    check(ParetoFrontier.of(List.of()).costAt(0), Double.NaN);
  }

  @Test
  void theEndsAreReadDespiteRounding() {
    // a sum of replica-seconds can differ in its last bits from the same cost computed otherwise
    check(THREE.shareAt(300 * (1 + 1e-12)), 0);
    check(THREE.costAt(0.01 * (1 + 1e-12)), 100);
  }

  /** {@code expected} NaN: nothing is read. */
  static void check(OptionalDouble actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isEmpty();
    } else {
      assertThat(actual).isPresent();
      assertThat(actual.getAsDouble()).isCloseTo(expected, within(1e-12 * (1 + expected)));
    }
  }
}
