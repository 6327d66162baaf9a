package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.Series;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The worst windows of a run: the most counted, none overlapping, centred on what they count. */
class EpisodesTest {

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of("nothing counted", new double[] {0, 0, 0, 0}, 2, 3, "[]"),
        Arguments.of(
            "one spike: the window centred on it",
            new double[] {0, 0, 0, 5, 0, 0, 0, 0},
            4,
            3,
            "[1..5 5]"),
        Arguments.of(
            "the most first, none overlapping",
            new double[] {1, 0, 0, 0, 0, 9, 9, 0, 0, 0, 3, 0},
            2,
            3,
            "[5..7 18, 9..11 3, 0..2 1]"),
        Arguments.of(
            "at most as many as asked", new double[] {1, 0, 2, 0, 3, 0}, 2, 2, "[3..5 3, 1..3 2]"),
        Arguments.of(
            "of equal windows apart, the earliest",
            new double[] {4, 0, 0, 0, 4, 0},
            1,
            1,
            "[0..1 4]"),
        Arguments.of(
            "a window wider than the run is the run", new double[] {0, 2}, 5, 3, "[0..2 2]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void worst(String name, double[] counted, int width, int count, String expected) {
    List<Episodes.Episode> worst = Episodes.worst(counted, width, count);

    assertThat(
            worst.stream()
                .map(e -> e.from() + ".." + e.to() + " " + Comparison.number(e.requests()))
                .toList()
                .toString())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    // 30 min of 1 s points, at most a third of the run
    "1, 100000, 1800",
    "1, 3000, 1000",
    // 40 points when 30 min is fewer
    "202, 3000, 40",
    "1155, 3000, 40",
    "60, 600, 40",
    "60, 60, 20",
    "1, 1, 1"
  })
  void windowsSpanHalfAnHourOrFortyPoints(long step, int points, int width) {
    assertThat(Episodes.windowPoints(step, points)).isEqualTo(width);
  }

  @Test
  void eachPolicyOverTheSloCountsThePointsArrivals() {
    // 2 req/s for 10 s a point; the SLO is 0.25 s
    double[] rate = {2, 2, 2};
    Series a = new Series(10, rate, rate, rate, new double[] {0.3, 0, 0.25});
    Series b = new Series(10, rate, rate, rate, new double[] {0.3, 1, 0});

    assertThat(Episodes.overSlo(List.of(a, b), 0.25)).containsExactly(40, 20, 0);
  }
}
