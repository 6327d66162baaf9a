package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.always;
import static io.scaledapi.operator.sim.SimFixtures.reactive;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static io.scaledapi.operator.sim.SimFixtures.slice;
import static io.scaledapi.operator.sim.SimFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The oracle keeps the SLO at the least cost, which is what makes it the yardstick. */
class OracleTest {

  private static final Cluster CLUSTER = Cluster.standard().replicas(2, 80);

  static Stream<Arguments> workloads() {
    Workload spikes = BuiltInWorkloads.named(BuiltInWorkloads.DEFAULT, 5, 1);
    return Stream.of(
        Arguments.of(BuiltInWorkloads.named("step", 0, 1)),
        Arguments.of(slice(spikes, 0, 86_400)),
        Arguments.of(slice(BuiltInWorkloads.named(BuiltInWorkloads.DEFAULT, 6, 0.3), 0, 86_400)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void costsNoMoreThanAnyPolicyMeetingTheSameSlo(Workload w) {
    List<PolicyFactory> policies = new ArrayList<>();
    policies.add(OraclePolicy.factory());
    for (int n : new int[] {2, 4, 6, 8, 12, 20, 30, 50, 80}) {
      policies.add(always(n));
    }
    for (double headroom : new double[] {1.1, 1.5, 2, 3, 5, 8}) {
      policies.add(reactive(headroom, CLUSTER.capacity()));
    }
    SimulationResult result = Simulator.run(w, CLUSTER.spec(), policies, Progress.none());

    PolicyResult oracle = result.of("oracle");
    assertThat(oracle.violatingShare()).isZero();
    assertThat(oracle.dropped()).isZero();
    assertThat(oracle.waitMax()).isLessThanOrEqualTo(0.25 + 1e-9);
    List<PolicyResult> meeting =
        result.results().stream()
            .filter(r -> !r.policy().equals("oracle") && r.violatingShare() == 0)
            .toList();
    assertThat(meeting).as("some simple policy meets the SLO").isNotEmpty();
    for (PolicyResult r : meeting) {
      assertThat(oracle.replicaSeconds()).as(r.policy()).isLessThanOrEqualTo(r.replicaSeconds());
    }
  }

  /** The step from 20 to 200 a second at 900 s needs 4 replicas of 50, asked for 60 s ahead. */
  @Test
  void asksOneStartUpAheadForWhatItWillNeed() {
    Recorder seen = new Recorder();
    Cluster one = CLUSTER.replicas(1, 80);
    PolicyResult r =
        run(BuiltInWorkloads.named("step", 0, 1), one, seen, OraclePolicy.factory()).of("oracle");
    assertThat(seen.at(839).specReplicas()).isEqualTo(1);
    assertThat(seen.at(840).specReplicas()).isEqualTo(4);
    assertThat(seen.at(899).readyReplicas()).isEqualTo(1);
    assertThat(seen.at(900).readyReplicas()).isEqualTo(4);
    assertThat(r.scaleActions()).isEqualTo(1);
    assertThat(r.replicaSeconds()).isEqualTo(840 + 4 * (3600 - 840));
    assertThat(r.violatingShare()).isZero();
  }

  /**
   * Two short bursts 30 s apart with a 60 s start-up: asking at each second for only {@code
   * max(need(t), need(t + startup))} would drop, between the bursts, the replicas still starting
   * for the second one. The oracle keeps every replica one start-up ahead needs.
   */
  @Test
  void keepsWhatIsStartingForEveryPeakWithinOneStartUp() {
    double[] arrivals = new double[400];
    arrivals[200] = 400;
    arrivals[230] = 400;
    Recorder seen = new Recorder();
    PolicyResult r =
        run(workload(arrivals), CLUSTER.replicas(1, 80), seen, OraclePolicy.factory()).of("oracle");
    assertThat(r.violatingShare()).isZero();
    int[] need = OraclePolicy.need(workload(arrivals), CLUSTER.spec(), 60);
    assertThat(need[200]).isEqualTo(need[230]).isGreaterThan(1);
    for (int t = 170; t <= 230; t++) {
      assertThat(seen.at(t).specReplicas()).as("spec at %d", t).isEqualTo(need[200]);
    }
    // the last burst's queue still takes some replicas in the second after it
    assertThat(seen.at(231).specReplicas()).isEqualTo(need[231]).isLessThan(need[230]);
    assertThat(seen.at(232).specReplicas()).isEqualTo(1);
  }

  @Test
  void fewestReplicasForABacklogWithinTheSlo() {
    // 100 in one second, capacity 50, SLO 1 s: one replica lets the last wait exactly 1 s
    Cluster c = CLUSTER.slo(Duration.ofSeconds(1)).capacity(50);
    assertThat(OraclePolicy.need(workload(100, 0, 0), c.spec(), 0)).containsExactly(1, 1, 1);
    // with a 0.5 s SLO one replica would leave 50 waiting at 1 s, the oldest for 0.5 s already,
    // which takes 100 a second to clear: cheaper to serve 100 a second at once
    Cluster tight = c.slo(Duration.ofMillis(500));
    assertThat(OraclePolicy.need(workload(100, 0, 0), tight.spec(), 0)).containsExactly(2, 1, 1);
  }

  @Test
  void coverAheadTakesTheMostNeededWithinOneStartUp() {
    int[] need = {1, 1, 5, 1, 1, 3, 1, 1};
    assertThat(OraclePolicy.coverAhead(need, 2)).containsExactly(5, 5, 5, 3, 3, 3, 1, 1);
    assertThat(OraclePolicy.coverAhead(need, 0)).containsExactly(need);
  }
}
