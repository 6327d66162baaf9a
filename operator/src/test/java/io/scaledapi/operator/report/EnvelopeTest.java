package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Points into pixel columns, each keeping its least and its most. */
class EnvelopeTest {

  static final double NAN = Double.NaN;

  static Stream<Arguments> envelopes() {
    return Stream.of(
        Arguments.of("nothing", new double[] {}, 0, 0, 4, "[]"),
        Arguments.of(
            "fewer points than columns: a column each, at the middle of its point",
            new double[] {1, 2},
            0,
            2,
            4,
            "[[0.25:1..1, 0.75:2..2]]"),
        Arguments.of(
            "two points a column: a spike keeps its height",
            new double[] {1, 9, 1, 1},
            0,
            4,
            2,
            "[[0.25:1..9, 0.75:1..1]]"),
        Arguments.of(
            "uneven: 5 points on 2 columns",
            new double[] {1, 2, 3, 4, 5},
            0,
            5,
            2,
            "[[0.2:1..2, 0.7:3..5]]"),
        Arguments.of(
            "a window of the points",
            new double[] {7, 1, 2, 3, 7},
            1,
            4,
            3,
            "[[0.166667:1..1, 0.5:2..2, 0.833333:3..3]]"),
        Arguments.of(
            "a gap splits the line",
            new double[] {1, NAN, 3, 4},
            0,
            4,
            4,
            "[[0.125:1..1], [0.625:3..3, 0.875:4..4]]"),
        Arguments.of(
            "a column with a gap keeps its values and ends the run",
            new double[] {1, 2, NAN, 4},
            0,
            4,
            2,
            "[[0.25:1..2, 0.75:4..4]]"),
        Arguments.of("all gaps", new double[] {NAN, NAN}, 0, 2, 2, "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envelopes")
  void columns(String name, double[] values, int from, int to, int width, String expected) {
    List<List<Envelope.Column>> runs = Envelope.of(values, from, to, width);

    assertThat(
            runs.stream()
                .map(
                    run ->
                        run.stream()
                            .map(
                                c ->
                                    Comparison.number(c.at())
                                        + ":"
                                        + Comparison.number(c.min())
                                        + ".."
                                        + Comparison.number(c.max()))
                            .toList())
                .toList()
                .toString())
        .isEqualTo(expected);
  }
}
