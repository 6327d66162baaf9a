package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side-by-side benchmark's pure parts: scenarios, compression, waits, the simulator's rows. */
class SideBySidePartsTest {

  @Test
  void aCompressedScenarioKeepsItsRateAndLosesNoRequest() {
    Scenario step = Scenario.step();
    assertThat(step.seconds()).isEqualTo(720);
    Trace compressed = step.compressed(15);
    assertThat(compressed.rows()).hasSize(48);
    assertThat(compressed.rows().stream().mapToLong(Trace.Row::requests).sum())
        .isEqualTo(step.total() / 15);
    assertThat(compressed.rows().get(0).requests()).isEqualTo(10);
    assertThat(compressed.rows().get(8).requests()).isEqualTo(50);
  }

  @Test
  void aReplayWarmsUpAtTheFirstMinutesRateBeforeTheScenario() {
    Scenario spike = Scenario.spike();
    assertThat(spike.firstMinuteRate()).isEqualTo(10.0);
    Trace replay = spike.replay(5, 24);
    assertThat(replay.rows()).hasSize(24 + 540 / 5);
    assertThat(replay.rows().get(0).requests()).isEqualTo(10);
    assertThat(replay.rows().get(24 + 24).requests()).as("the spike, 120 s / 5 in").isEqualTo(60);
    assertThat(replay.rows().get(24).tSeconds()).isEqualTo(24.0);
  }

  @Test
  void aTraceSliceDrawsArrivalsAroundItsBinsRates(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bins.csv");
    Files.writeString(csv, "t_seconds,requests\n0,600\n60,6000\n120,0\n");
    Scenario slice = Scenario.trace(csv, 0, 180, 2.0, 7);
    long first = 0;
    long second = 0;
    for (int s = 0; s < 60; s++) {
      first += slice.arrivals()[s];
      second += slice.arrivals()[60 + s];
    }
    assertThat(first).isBetween(1000L, 1400L); // about 2 x 600
    assertThat(second).isBetween(11_000L, 13_000L); // about 2 x 6000
    assertThat(slice.arrivals()[150]).isZero();
    assertThat(Scenario.trace(csv, 0, 180, 2.0, 7).arrivals()).isEqualTo(slice.arrivals());
  }

  @Test
  void timeScaleRefusesAFactorThatLeavesAWholeSecondFieldFractional() {
    TimeScale five = new TimeScale(5);
    assertThat(five.of(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(3));
    assertThat(TimeScale.text(new TimeScale(10).of(Duration.ofSeconds(15)))).isEqualTo("1500ms");
    assertThatThrownBy(() -> new TimeScale(10).seconds(Duration.ofSeconds(15)))
        .hasMessageContaining("not a whole number of seconds");
    assertThatThrownBy(() -> new TimeScale(0)).hasMessageContaining("at least 1");
  }

  @Test
  void theContendersAreCompressedTogetherAndOursCountsTheRequestsWaiting() {
    Contenders real = new Contenders(new TimeScale(1));
    assertThat(real.hpa().getSpec().getBehavior()).as("the HPA's defaults at factor 1").isNull();
    assertThat(real.scaledObject(URI.create("http://127.0.0.1:9090")).toString())
        .doesNotContain("advanced");
    ScaledApiSpec ours = real.scaledApi(SideBySide.cluster()).getSpec();
    assertThat(ours.queue().query()).isEqualTo("sum(api_queue_requests_waiting)");
    assertThat(ours.pollingInterval()).isEqualTo("15s");
    assertThat(ours.behavior()).isNull();

    Contenders fast = new Contenders(new TimeScale(5));
    assertThat(fast.controllerManagerFlags())
        .containsExactly(
            "--horizontal-pod-autoscaler-sync-period=3s",
            "--horizontal-pod-autoscaler-downscale-stabilization=60s");
    assertThat(fast.hpa().getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(60);
    assertThat(fast.prometheusAdapterConfig()).contains("[12s]");
    ScaledApiSpec compressed = fast.scaledApi(SideBySide.cluster()).getSpec();
    assertThat(compressed.pollingInterval()).isEqualTo("3s");
    assertThat(compressed.arrivalRate().query()).contains("[12s]");
    assertThat(compressed.servedRate().query()).contains("[12s]");
    assertThat(compressed.behavior().scaleDown().stabilizationWindowSeconds()).isEqualTo(60);
  }

  @Test
  void waitsGiveTheShareOverTheSloAndExactQuantiles() {
    WaitDistribution waits = WaitDistribution.parse("0 90\n120 5\n250 3\n4000 2\n");
    assertThat(waits.served()).isEqualTo(100);
    assertThat(waits.shareOver(Duration.ofMillis(250))).isEqualTo(0.05);
    assertThat(waits.quantile(0.99)).isEqualTo(Duration.ofSeconds(4));
    assertThat(waits.quantile(0.95)).isEqualTo(Duration.ofMillis(120));
    assertThat(WaitDistribution.parse("").shareOver(Duration.ofMillis(250))).isZero();
    WaitDistribution later = WaitDistribution.parse("0 95\n120 5\n250 3\n4000 7\n");
    assertThat(later.since(waits).counts())
        .containsExactly(new WaitDistribution.Count(0, 5), new WaitDistribution.Count(4000, 5));
  }

  @Test
  void theSimulatorRunsOnTheScenarioAndItsRowsAreReadBack(@TempDir Path dir) {
    Path csv = dir.resolve("spike.csv");
    Scenario.spike().writeCsv(csv);
    StringBuilder output = new StringBuilder();
    Map<String, SimulatorRun.Row> rows =
        SimulatorRun.run(SimulatorRun.arguments(csv, dir.resolve("report.html")), output);
    assertThat(rows).containsOnlyKeys(Contenders.NAMES);
    for (SimulatorRun.Row row : rows.values()) {
      // all but the requests still in service when the run ends
      assertThat(row.served())
          .as(row.policy())
          .isBetween(Scenario.spike().total() - 20, Scenario.spike().total());
      assertThat(row.replicaSeconds()).as(row.policy()).isGreaterThanOrEqualTo(540);
      assertThat(row.overSloShare()).as(row.policy()).isBetween(0.0, 1.0);
    }
    assertThat(output).contains("capacity per replica: 20 req/s");
    assertThat(SimulatorRun.duration("48.77 s")).isEqualTo(Duration.ofMillis(48_770));
    assertThat(SimulatorRun.duration("0 ms")).isEqualTo(Duration.ZERO);
  }
}
