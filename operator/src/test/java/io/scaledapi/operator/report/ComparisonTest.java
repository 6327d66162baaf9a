package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimulationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each policy against the oracle, and the table on stdout. */
class ComparisonTest {

  static SimulationResult run(double oursCost, double oursViolating, double oracleViolating) {
    return new SimulationResult(
        FakeResults.run("w", 2, List.of()).workload(),
        FakeResults.CLUSTER,
        List.of(
            FakeResults.result("ours", oursCost, oursViolating, FakeResults.emptySeries()),
            FakeResults.result("oracle", 1000, oracleViolating, FakeResults.emptySeries())));
  }

  @Test
  void comparesEachPolicyWithTheOracle() {
    Comparison c = Comparison.of(run(1150, 0.0125, 0.0005), List.of("ours", "oracle"));

    Comparison.Row ours = c.rows().get(0);
    assertThat(ours.costRatio().getAsDouble()).isCloseTo(1.15, within(1e-12));
    assertThat(ours.excessViolating().getAsDouble()).isCloseTo(1.2, within(1e-12));
    assertThat(ours.cells())
        .containsExactly(
            "ours",
            "990",
            "10",
            "1.250%",
            "50 ms",
            "400 ms",
            "2.50 s",
            "1,150",
            "7",
            "1.15x",
            "+1.200 pp");
    assertThat(c.rows().get(1).cells()).endsWith("1.00x", "+0.000 pp");
  }

  @Test
  void theOracleIsFoundByItsCatalogNameAndPositionNotItsDisplayName() {
    // results come back in the order the policies were given
    Comparison c = Comparison.of(run(2000, 0, 0), List.of("oracle", "ours"));

    assertThat(c.rows().get(0).costRatio().getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(c.rows().get(1).costRatio().getAsDouble()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void withoutAnOracleTheRatiosAreNotAvailable() {
    Comparison c = Comparison.of(run(1150, 0.01, 0), List.of("ours", "hpa"));

    assertThat(c.rows()).allSatisfy(r -> assertThat(r.cells()).endsWith("n/a", "n/a"));
  }

  @Test
  void aResultPerPolicyIsRequired() {
    assertThatThrownBy(() -> Comparison.of(run(1, 0, 0), List.of("ours")))
        .hasMessageContaining("1 policies ran but 2 results came back");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 s",
    "45, 45 s",
    "60, 1 min",
    "5400, 1 hour 30 min",
    "7200, 2 hours",
    "86400, 1 day",
    "129600, 1 day 12 hours",
    "604800, 7 days",
    "90061, 1 day 1 hour 1 min 1 s"
  })
  void spans(long seconds, String text) {
    assertThat(Comparison.span(seconds)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 ms",
    "0.2504, 250 ms",
    "1, 1.00 s",
    "59.994, 59.99 s",
    "95.4, 95 s",
    "NaN, n/a"
  })
  void waitTimes(double seconds, String text) {
    assertThat(Comparison.waitTime(seconds)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"50, 50", "12.5, 12.5", "0.01, 0.01", "0.333333333, 0.333333"})
  void plainNumbers(double value, String text) {
    assertThat(Comparison.number(value)).isEqualTo(text);
  }

  @Test
  void tableIsMarkdownWithAlignedColumns() {
    String table =
        ResultsTable.render(Comparison.of(run(1150, 0.01, 0), List.of("ours", "oracle")));

    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("| policy |").contains("| waited > SLO |");
    assertThat(lines.get(1)).matches("\\|-+\\|(-+:\\|)+");
    assertThat(lines.get(2)).startsWith("| ours   |").endsWith(" +1.000 pp |");
    assertThat(lines).allSatisfy(l -> assertThat(l).hasSameSizeAs(lines.get(0)));
  }
}
