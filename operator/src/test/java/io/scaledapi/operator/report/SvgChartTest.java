package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart and its axes: round tops, log decades, gaps, the threshold line, time labels. */
class SvgChartTest {

  @ParameterizedTest
  @CsvSource({
    "0, 1, 0.25",
    "-3, 1, 0.25",
    "0.7, 0.8, 0.2",
    "1, 1, 0.25",
    "1.2, 1.5, 0.5",
    "2.2, 3, 1",
    "7, 8, 2",
    "101, 150, 50"
  })
  void linearAxisRunsFromZeroToARoundNumber(double max, double top, double step) {
    ChartAxis axis = ChartAxis.linear(max);

    assertThat(axis.bottom()).isZero();
    assertThat(axis.top()).isCloseTo(top, within(1e-9));
    List<Double> ticks = axis.ticks();
    assertThat(ticks.get(0)).isZero();
    assertThat(ticks.get(ticks.size() - 1)).isCloseTo(top, within(1e-9));
    assertThat(ticks.get(1) - ticks.get(0)).isCloseTo(step, within(1e-9));
  }

  @ParameterizedTest
  @CsvSource({
    "5900000, 8100000, 5000000, 9000000, 5M|6M|7M|8M|9M",
    "12, 12, 10, 14, 10|11|12|13|14",
    "0.031, 0.092, 0.02, 0.1, 0.02|0.04|0.06|0.08|0.1",
    "40000, 110000, 40000, 120000, 40k|60k|80k|100k|120k",
  })
  void aFittedAxisHugsTheData(double min, double max, double bottom, double top, String labels) {
    ChartAxis axis = ChartAxis.fitted(min, max);

    assertThat(axis.bottom()).isCloseTo(bottom, within(1e-9));
    assertThat(axis.top()).isCloseTo(top, within(1e-9));
    assertThat(String.join("|", axis.ticks().stream().map(axis::label).toList())).isEqualTo(labels);
  }

  @Test
  void logAxisSpansWholeDecadesAndClampsBelowTheFloor() {
    ChartAxis axis = ChartAxis.log(0.025, 31);

    assertThat(axis.floor()).isCloseTo(0.01, within(1e-12));
    assertThat(axis.top()).isCloseTo(100, within(1e-9));
    assertThat(axis.ticks()).hasSize(5);
    assertThat(axis.fraction(0)).isZero();
    assertThat(axis.fraction(0.01)).isZero();
    assertThat(axis.fraction(1)).isCloseTo(0.5, within(1e-9));
    assertThat(axis.fraction(1000)).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "59, 59s", "60, 1m", "5400, 1h30m", "86400, 1d", "129600, 1d12h"})
  void elapsedTimeLabels(long seconds, String label) {
    assertThat(SvgChart.elapsed(seconds)).isEqualTo(label);
  }

  @Test
  void aMissingValueBreaksTheLine() {
    double[] values = {1, 2, Double.NaN, 4, 5};
    String svg = chart(values, Optional.empty()).render();

    String d = svg.substring(svg.indexOf("<path class=\"line\" d=\"") + 22);
    d = d.substring(0, d.indexOf('"'));
    assertThat(d.chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(d.chars().filter(c -> c == 'L')).hasSize(2);
  }

  @Test
  void theThresholdIsDrawnAtItsValue() {
    // linear 0..10 over a plot from y=28 to y=220: 5 sits half-way, at 124
    String svg =
        chart(new double[] {10, 0}, Optional.of(new SvgChart.Threshold(5, "SLO"))).render();

    assertThat(svg)
        .contains("<line class=\"slo\" x1=\"64\" y1=\"124.0\" x2=\"944\" y2=\"124.0\"/>");
    assertThat(svg).contains(">SLO</text>");
  }

  @Test
  void timeTicksStayFewOverLongRuns() {
    double[] fortyDays = new double[3000];
    String svg =
        new SvgChart(
                "c",
                "t",
                "u",
                40 * 86_400 / 3000,
                ChartAxis.linear(1),
                new SvgChart.Line(fortyDays, "l"),
                Optional.empty(),
                Optional.empty())
            .render();

    assertThat(svg.split("text-anchor=\"middle\"", -1).length - 1).isBetween(3, 11);
    assertThat(svg).contains(">7d</text>", ">14d</text>");
  }

  private static SvgChart chart(double[] values, Optional<SvgChart.Threshold> threshold) {
    return new SvgChart(
        "c",
        "title",
        "unit",
        60,
        ChartAxis.linear(10),
        new SvgChart.Line(values, "line"),
        Optional.empty(),
        threshold);
  }
}
