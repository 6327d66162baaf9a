package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.always;
import static io.scaledapi.operator.sim.SimFixtures.burst;
import static io.scaledapi.operator.sim.SimFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The run as a whole: policies in order, series for charts, progress for long runs. */
class SimulatorTest {

  @Test
  void runsEveryPolicyOnItsOwnClusterInOrder() {
    SimulationResult r =
        Simulator.run(
            burst(100, 60, 0),
            Cluster.standard().replicas(2, 10).spec(),
            List.of(always(1), always(2), OraclePolicy.factory()),
            Progress.none());
    assertThat(r.results())
        .extracting(PolicyResult::policy)
        .containsExactly("always-1", "always-2", "oracle");
    // one replica of 50 falls behind (the request arriving at a waits a); two keep up
    assertThat(r.of("always-1").waitMax()).isCloseTo(30, within(1e-9));
    assertThat(r.of("always-2").waitMax()).isZero();
    assertThat(r.of("always-1").arrived()).isEqualTo(r.of("always-2").arrived()).isEqualTo(6000);
  }

  @Test
  void seriesHaveAtMostThreeThousandPointsOfMeansAndMaxima() {
    // 9001 s: 4 s a point, the last point covers a single second
    double[] arrivals = IntStream.range(0, 9001).mapToDouble(t -> t % 4 == 0 ? 40 : 0).toArray();
    arrivals[9000] = 7;
    Series s =
        Simulator.run(workload(arrivals), Cluster.standard().spec(), List.of(always(1)), none())
            .of("always-1")
            .series();
    assertThat(s.stepSeconds()).isEqualTo(4);
    assertThat(s.points()).isEqualTo(2251);
    assertThat(s.arrivalRate()[0]).isEqualTo(10);
    assertThat(s.arrivalRate()[2250]).isEqualTo(7);
    assertThat(s.replicas()).containsOnly(1.0);
    assertThat(s.queueWait()).containsOnly(0.0);
  }

  @Test
  void aWeekAtOneSecondFitsInAChart() {
    Series s =
        Simulator.run(
                BuiltInWorkloads.named("daily-spikes", 1, 1),
                Cluster.standard().replicas(2, 100).spec(),
                List.of(always(20)),
                none())
            .of("always-20")
            .series();
    assertThat(s.points()).isLessThanOrEqualTo(SeriesBuilder.MAX_POINTS).isGreaterThan(2000);
    assertThat(s.arrivalRate()).hasSize(s.points());
    assertThat(s.ready()).hasSize(s.points());
    double mean = Arrays.stream(s.arrivalRate()).average().orElseThrow();
    assertThat(mean).isBetween(100.0, 250.0);
  }

  @Test
  void progressIsToldAtMostAboutTwoHundredTimesPerPolicyEndingAtTheEnd() {
    List<long[]> calls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Simulator.run(
        burst(10, 100_001, 0),
        Cluster.standard().spec(),
        List.of(always(1), always(2)),
        (policy, second, seconds) -> {
          names.add(policy);
          calls.add(new long[] {second, seconds});
        });
    assertThat(names.stream().filter("always-1"::equals).count()).isBetween(100L, 201L);
    assertThat(names.stream().filter("always-2"::equals).count()).isBetween(100L, 201L);
    assertThat(calls.get(calls.size() - 1)).containsExactly(100_001, 100_001);
    assertThat(calls).allSatisfy(c -> assertThat(c[0]).isBetween(1L, c[1]));
  }

  @Test
  void servedDroppedAndQueuedAddUpToArrived() {
    PolicyResult r =
        Simulator.run(
                burst(120, 30, 3),
                Cluster.standard().replicas(2, 2).spec(),
                List.of(always(2)),
                none())
            .of("always-2");
    assertThat(r.served() + r.dropped() + r.queuedAtEnd()).isCloseTo(3600, within(1e-6));
    // 3300 taken from the queue in 33 s, the last second's 100 still in service
    assertThat(r.queuedAtEnd()).isCloseTo(3600 - 33 * 100 + 100, within(1e-6));
  }

  @Test
  void needsAPolicy() {
    assertThatThrownBy(
            () -> Simulator.run(workload(1), Cluster.standard().spec(), List.of(), none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Progress none() {
    return Progress.none();
  }
}
