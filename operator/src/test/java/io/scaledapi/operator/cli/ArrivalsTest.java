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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** An hour in minute bins of {@code perMinute} requests each. */
  Trace hour(long perMinute) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int m = 0; m < 60; m++) {
      csv.append(60 * m).append(',').append(perMinute).append('\n');
    }
    return trace(csv.toString());
  }

  @Test
  void multiplyModeIsTheOldScaling() throws IOException {
    Trace t = trace("0,3\n1,0\n2,5\n");
    Workload w = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 2.5, Arrivals.ScaleMode.MULTIPLY, 7);

    assertThat(w.arrivals()).containsExactly(7.5, 0, 12.5);
    assertThat(w).isEqualTo(Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 2.5));
  }

  @Test
  void atScaleOneAPoissonTraceIsTheRecordingNotADraw() throws IOException {
    Trace t = trace("0,3\n1,0\n2,5\n");
    Workload w = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 1, Arrivals.ScaleMode.POISSON, 7);

    assertThat(w.arrivals()).containsExactly(3, 0, 5);
    assertThat(w.name()).isEqualTo("t.csv");
  }

  /**
   * 2.5 requests a second scaled by 4: every second a whole count, their mean over the hour within
   * five standard errors of 10 (sqrt(10 / 3600) = 0.053), their variance near 10 too, as a Poisson
   * process has; a second without requests stays without.
   */
  @Test
  void poissonModeDrawsWholeCountsAtTheScaledRate() throws IOException {
    Trace t = hour(150);
    Workload w = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 4, Arrivals.ScaleMode.POISSON, 1);

    double[] a = w.arrivals();
    assertThat(a).hasSize(3600);
    assertThat(Arrays.stream(a).filter(x -> x != Math.rint(x))).isEmpty();
    double mean = Arrays.stream(a).average().orElseThrow();
    double variance = Arrays.stream(a).map(x -> (x - mean) * (x - mean)).sum() / (a.length - 1);
    assertThat(mean).isCloseTo(10, within(5 * Math.sqrt(10.0 / 3600)));
    assertThat(variance).isCloseTo(10, within(5 * Math.sqrt((10 + 2 * 100.0) / 3600)));
    // a burst of one second is spread over its minute: the empty second before it draws too
    Workload burst =
        Arrivals.fromTrace(
            "t.csv", trace("0,0\n1,4\n"), Instant.EPOCH, 9, Arrivals.ScaleMode.POISSON, 1);
    assertThat(burst.at(0)).isPositive();
    assertThat(burst.at(1)).isLessThan(36);
  }

  @Test
  void theSeedDrawsThePoissonArrivals() throws IOException {
    Trace t = hour(150);
    Arrivals.ScaleMode poisson = Arrivals.ScaleMode.POISSON;

    Workload a = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 4, poisson, 1);
    Workload b = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 4, poisson, 1);
    Workload c = Arrivals.fromTrace("t.csv", t, Instant.EPOCH, 4, poisson, 2);

    assertThat(b).isEqualTo(a);
    assertThat(c.arrivals()).isNotEqualTo(a.arrivals());
  }

  /**
   * The sampler against the distribution: the mean and variance of 100,000 draws within five
   * standard errors of the mean's, on both sides of the switch from inversion to PTRS and far
   * beyond.
   */
  @ParameterizedTest(name = "mean {0}")
  @ValueSource(doubles = {0.001, 0.5, 3, 9.99, 10, 37.5, 1e4, 1e7})
  void poissonDrawsHaveTheDistributionsMeanAndVariance(double mean) {
    SplittableRandom random = new SplittableRandom(42);
    int n = 100_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      long k = Arrivals.poisson(mean, random);
      assertThat(k).isNotNegative();
      sum += k;
      squares += (double) k * k;
    }
    double m = sum / n;
    double variance = (squares - n * m * m) / (n - 1);
    assertThat(m).isCloseTo(mean, within(5 * Math.sqrt(mean / n)));
    assertThat(variance).isCloseTo(mean, within(5 * Math.sqrt((mean + 2 * mean * mean) / n)));
  }

  /** Each count's frequency in 200,000 draws within five standard errors of its probability. */
  @ParameterizedTest(name = "mean {0}")
  @ValueSource(doubles = {3, 15, 40})
  void poissonDrawsHaveTheDistributionsProbabilities(double mean) {
    SplittableRandom random = new SplittableRandom(7);
    int n = 200_000;
    int[] counts = new int[(int) (4 * mean) + 20];
    for (int i = 0; i < n; i++) {
      long k = Arrivals.poisson(mean, random);
      if (k < counts.length) {
        counts[(int) k]++;
      }
    }
    for (int k = 0; k < counts.length; k++) {
      double p = Math.exp(-mean + k * Math.log(mean) - Arrivals.logFactorial(k));
      assertThat(counts[k] / (double) n)
          .as("P(%d)", k)
          .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n) + 1e-6));
    }
  }

  @Test
  void logFactorialIsTheSumOfLogarithms() {
    double sum = 0;
    for (int k = 1; k <= 300; k++) {
      sum += Math.log(k);
      assertThat(Arrivals.logFactorial(k)).as("ln %d!", k).isCloseTo(sum, within(1e-9 * sum));
    }
    assertThat(Arrivals.logFactorial(0)).isZero();
  }

  @Test
  void theModeIsPoissonOrMultiply() {
    assertThat(Arrivals.ScaleMode.parse("poisson")).isEqualTo(Arrivals.ScaleMode.POISSON);
    assertThat(Arrivals.ScaleMode.parse("multiply")).isEqualTo(Arrivals.ScaleMode.MULTIPLY);
    assertThatThrownBy(() -> Arrivals.ScaleMode.parse("Poisson"))
        .hasMessage("--rate-scale-mode must be poisson or multiply; got Poisson");
  }
}
