package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.reactive;
import static io.scaledapi.operator.sim.SimFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same workload, cluster and seed give the same result, to the last bit. */
class DeterminismTest {

  private static final Cluster JITTERED =
      Cluster.standard()
          .replicas(2, 60)
          .startup(Duration.ofSeconds(60), Duration.ofSeconds(40))
          .timeout(Duration.ofSeconds(5));

  private static SimulationResult run(long workloadSeed, long clusterSeed) {
    Workload day = slice(BuiltInWorkloads.named("daily-spikes", workloadSeed, 1), 0, 86_400);
    return Simulator.run(
        day,
        JITTERED.seed(clusterSeed).spec(),
        List.of(reactive(1.1, 50), OraclePolicy.factory(), reactive(1.5, 50)),
        Progress.none());
  }

  @Test
  void sameSeedSameResult() {
    SimulationResult first = run(3, 11);
    SimulationResult second = run(3, 11);
    assertThat(second).isEqualTo(first);
    for (int i = 0; i < first.results().size(); i++) {
      assertThat(second.results().get(i)).isEqualTo(first.results().get(i));
    }
  }

  @Test
  void theSeedDrawsTheStartUps() {
    PolicyResult a = run(3, 11).of("reactive-1.1");
    PolicyResult b = run(3, 12).of("reactive-1.1");
    assertThat(b.arrived()).isEqualTo(a.arrived());
    assertThat(b).isNotEqualTo(a);
    assertThat(b.series().ready()).isNotEqualTo(a.series().ready());
  }

  @Test
  void theSeedDrawsTheTraffic() {
    assertThat(run(4, 11).workload()).isNotEqualTo(run(3, 11).workload());
  }
}
