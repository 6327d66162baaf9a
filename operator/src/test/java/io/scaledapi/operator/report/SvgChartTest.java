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

    assertThat(axis.bottom()).isCloseTo(0.01, within(1e-12));
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
  void aMissingValueBreaksTheBand() {
    double[] values = {1, 2, Double.NaN, 4, 5};
    String svg = chart(values, Optional.empty()).render();

    String d = svg.substring(svg.indexOf("<path class=\"band c0\" d=\"") + 25);
    d = d.substring(0, d.indexOf('"'));
    // two closed outlines of two columns each: along the most, back along the least
    assertThat(d.chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(d.chars().filter(c -> c == 'L')).hasSize(6);
    assertThat(d.chars().filter(c -> c == 'Z')).hasSize(2);
  }

  @Test
  void theThresholdIsDrawnAtItsValue() {
    // linear 0..10 over a plot from y=230 up to y=40: 5 sits half-way, at 135
    String svg =
        chart(new double[] {10, 0}, Optional.of(new SvgChart.Threshold(5, "SLO"))).render();

    assertThat(svg)
        .contains("<line class=\"slo\" x1=\"64\" y1=\"135.0\" x2=\"944\" y2=\"135.0\"/>");
    assertThat(svg).contains(">SLO</text>");
  }

  @Test
  void timeTicksStayFewOverLongRuns() {
    double[] fortyDays = new double[3000];
    String svg =
        SvgChart.whole(
                "c",
                "t",
                "u",
                40 * 86_400 / 3000,
                3000,
                ChartAxis.linear(1),
                List.of(new SvgChart.Line(fortyDays, "l", "c0")),
                Optional.empty(),
                Optional.empty(),
                List.of())
            .render();

    assertThat(svg.split("text-anchor=\"middle\"", -1).length - 1).isBetween(3, 9);
    assertThat(svg).contains(">7d</text>", ">14d</text>");
  }

  @Test
  void aZoomedChartCountsTimeFromTheRunsStartAndShadesItsWindows() {
    // points 1000 to 1040 of a minute each: 16h40m to 17h20m
    SvgChart zoomed =
        new SvgChart(
            "z",
            "t",
            "u",
            60,
            1000,
            1040,
            ChartAxis.linear(1),
            List.of(new SvgChart.Line(new double[2000], "l", "c0")),
            Optional.empty(),
            Optional.empty(),
            List.of(new SvgChart.Window(1020, 1030, "2"), new SvgChart.Window(0, 10, "far")));

    String svg = zoomed.render();

    assertThat(svg)
        .contains(">16h40m</text>", ">16h45m</text>", ">17h20m</text>")
        .doesNotContain(">16h35m</text>", ">17h25m</text>");
    // a quarter of the plot wide, from half-way across
    assertThat(svg)
        .contains("<rect class=\"window\" x=\"504.0\" y=\"40\" width=\"220.0\" height=\"190\"/>")
        .contains(">2</text>")
        .doesNotContain(">far</text>");
  }

  private static SvgChart chart(double[] values, Optional<SvgChart.Threshold> threshold) {
    return SvgChart.whole(
        "c",
        "title",
        "unit",
        60,
        values.length,
        ChartAxis.linear(10),
        List.of(new SvgChart.Line(values, "line", "c0")),
        Optional.empty(),
        threshold,
        List.of());
  }
}
