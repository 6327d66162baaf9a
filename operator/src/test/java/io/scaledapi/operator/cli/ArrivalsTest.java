package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.prometheus.HistoryLoader.HistoryPoint;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace or a rate series becomes per-second arrivals. */
class ArrivalsTest {

  @TempDir Path dir;

  Trace trace(String csv) throws IOException {
    return TraceCsv.read(Files.writeString(dir.resolve("t.csv"), "t_seconds,requests\n" + csv));
  }

  @Test
  void aBinsCountIsSpreadEvenlyOverItsSeconds() throws IOException {
    Workload w = Arrivals.fromTrace("t.csv", trace("600,60\n660,120\n720,0\n"), Instant.EPOCH, 1);

    assertThat(w.seconds()).isEqualTo(180);
    assertThat(w.start()).isEqualTo(Instant.ofEpochSecond(600));
    assertThat(w.at(0)).isEqualTo(1);
    assertThat(w.at(59)).isEqualTo(1);
    assertThat(w.at(60)).isEqualTo(2);
    assertThat(w.at(119)).isEqualTo(2);
    assertThat(w.at(120)).isZero();
    assertThat(Arrays.stream(w.arrivals()).sum()).isCloseTo(180, within(1e-9));
  }

  @Test
  void theFirstBinStartsItsTSecondsAfterTheInstantOfZero() throws IOException {
    Instant zero = Instant.parse("1995-07-01T04:00:01Z");

    Workload w = Arrivals.fromTrace("t.csv", trace("600,60\n660,120\n"), zero, 1);

    assertThat(w.start()).isEqualTo(Instant.parse("1995-07-01T04:10:01Z"));
    assertThat(w.seconds()).isEqualTo(120);
  }

  @Test
  void rateScaleMultipliesEverySecondAndOneSecondBinsStayAsTheyAre() throws IOException {
    Workload w = Arrivals.fromTrace("t.csv", trace("0,3\n1,0\n2,5\n"), Instant.EPOCH, 2.5);

    assertThat(w.arrivals()).containsExactly(7.5, 0, 12.5);
  }

  @Test
  void eachRateIsHeldUntilTheNextPointAndTheLastForOneStep() {
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    List<HistoryPoint> points =
        List.of(
            new HistoryPoint(t0, 4),
            new HistoryPoint(t0.plusSeconds(15), 8),
            // a point is missing at 30 s: 8 is held over the gap
            new HistoryPoint(t0.plusSeconds(45), 2));

    Workload w = Arrivals.fromRates("q", points, Duration.ofSeconds(15), 0.5);

    assertThat(w.start()).isEqualTo(t0);
    assertThat(w.seconds()).isEqualTo(60);
    assertThat(w.at(0)).isEqualTo(2);
    assertThat(w.at(14)).isEqualTo(2);
    assertThat(w.at(15)).isEqualTo(4);
    assertThat(w.at(44)).isEqualTo(4);
    assertThat(w.at(45)).isEqualTo(1);
    assertThat(w.at(59)).isEqualTo(1);
  }

  @Test
  void ratesNeedPointsAndWholeSecondSteps() {
    List<HistoryPoint> one = List.of(new HistoryPoint(Instant.EPOCH, 1));
    assertThatThrownBy(() -> Arrivals.fromRates("q", List.of(), Duration.ofSeconds(15), 1))
        .hasMessageContaining("no rate points");
    assertThatThrownBy(() -> Arrivals.fromRates("q", one, Duration.ofMillis(1500), 1))
        .hasMessageContaining("whole seconds");
  }

  @Test
  void aTraceLongerThanARunCanHoldIsRefusedWithTheFix() throws IOException {
    long days = Arrivals.MAX_SECONDS / 86_400 + 1;
    Trace longTrace = trace("0,1\n" + days * 86_400 / 2 + ",1\n");

    assertThatThrownBy(() -> Arrivals.fromTrace("t.csv", longTrace, Instant.EPOCH, 1))
        .hasMessage("the trace spans 91 days; a run simulates at most 90 days: cut it shorter");
  }

  @Test
  void firstAndBusiestMinute() {
    double[] a = new double[300];
    Arrays.fill(a, 10);
    Arrays.fill(a, 120, 150, 70);
    Workload w = new Workload("w", Instant.EPOCH, a);

    assertThat(Arrivals.firstMinuteRate(w)).isEqualTo(10);
    assertThat(Arrivals.busiestMinuteRate(w)).isCloseTo((30 * 70 + 30 * 10) / 60.0, within(1e-9));
    assertThat(Arrivals.busiestMinuteRate(new Workload("w", Instant.EPOCH, new double[] {6, 2})))
        .isEqualTo(4);
  }
}
