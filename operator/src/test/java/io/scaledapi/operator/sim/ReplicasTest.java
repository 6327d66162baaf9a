package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.burst;
import static io.scaledapi.operator.sim.SimFixtures.policy;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static io.scaledapi.operator.sim.SimFixtures.scripted;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Start-up delay, the order of scale-down, and what is counted for replicas. */
class ReplicasTest {

  private static final Cluster TEN_SECOND_STARTUP =
      Cluster.standard().startup(Duration.ofSeconds(10), Duration.ZERO).replicas(2, 10);

  private static Recorder replay(Cluster cluster, Map<Integer, Integer> script, int seconds) {
    Recorder seen = new Recorder();
    run(burst(10, seconds, 0), cluster, seen, scripted(script));
    return seen;
  }

  private static int[] ready(Recorder seen) {
    return seen.steps.stream().mapToInt(Replay.Second::readyReplicas).toArray();
  }

  private static int[] spec(Recorder seen) {
    return seen.steps.stream().mapToInt(Replay.Second::specReplicas).toArray();
  }

  @Test
  void newReplicasServeAfterTheirStartUp() {
    Recorder seen = replay(TEN_SECOND_STARTUP, Map.of(0, 5), 15);
    assertThat(spec(seen)).containsOnly(5);
    assertThat(ready(seen))
        .containsExactly(IntStream.range(0, 15).map(t -> t < 10 ? 2 : 5).toArray());
  }

  @Test
  void scaleDownRemovesStartingReplicasFirst() {
    // 3 requested at 0; at 5, two of them are removed before they ever serve
    Recorder seen = replay(TEN_SECOND_STARTUP, Map.of(0, 5, 5, 3), 15);
    assertThat(ready(seen))
        .containsExactly(IntStream.range(0, 15).map(t -> t < 10 ? 2 : 3).toArray());
    assertThat(spec(seen)[5]).isEqualTo(3);
  }

  @Test
  void scaleDownTakesReadyReplicasOnlyWhenNoneIsStarting() {
    // all 5 ready at 10; at 12 down to 3 takes 2 ready; at 13 up to 6 starts 3;
    // at 14 down to 4 takes 2 of those, leaving 3 ready and 1 starting until 23
    Recorder seen = replay(TEN_SECOND_STARTUP, Map.of(0, 5, 12, 3, 13, 6, 14, 4), 25);
    int[] ready = ready(seen);
    assertThat(ready[11]).isEqualTo(5);
    assertThat(ready[12]).isEqualTo(3);
    assertThat(ready[14]).isEqualTo(3);
    assertThat(ready[22]).isEqualTo(3);
    assertThat(ready[23]).isEqualTo(4);
    assertThat(spec(seen)[14]).isEqualTo(4);
  }

  @Test
  void aJitteredStartUpSpreadsReadinessOverItsRange() {
    Cluster jittered =
        TEN_SECOND_STARTUP.startup(Duration.ofSeconds(10), Duration.ofSeconds(5)).replicas(1, 60);
    int[] ready = ready(replay(jittered, Map.of(0, 51), 20));
    assertThat(ready[4]).isEqualTo(1);
    assertThat(ready[15]).isEqualTo(51);
    // drawn uniformly from [5, 15] s: neither all at once nor all at the ends
    assertThat(ready[10]).isBetween(11, 41);
    assertThat(IntStream.of(ready).distinct().count()).isGreaterThan(5);
  }

  @Test
  void withNoStartUpReplicasServeInTheSecondTheyAreAskedFor() {
    Cluster instant = TEN_SECOND_STARTUP.startup(Duration.ZERO, Duration.ZERO);
    assertThat(ready(replay(instant, Map.of(3, 7), 5))).containsExactly(2, 2, 2, 7, 7);
  }

  @Test
  void decisionsAreClampedAndOnlyChangesCountAsActions() {
    int[] asks = {0, 0, 4, 4, 4, 99, 99, 7, 7, 7};
    Recorder seen = new Recorder();
    PolicyResult r =
        run(
                burst(10, asks.length, 0),
                TEN_SECOND_STARTUP.startup(Duration.ZERO, Duration.ZERO),
                seen,
                policy("asks", v -> asks[(int) v.t()]))
            .of("asks");
    assertThat(spec(seen)).containsExactly(1, 1, 4, 4, 4, 10, 10, 7, 7, 7);
    assertThat(r.scaleActions()).isEqualTo(4);
    assertThat(r.replicaSeconds()).isEqualTo(1 + 1 + 4 * 3 + 10 * 2 + 7 * 3);
  }

  @Test
  void startingReplicasCostReplicaSeconds() {
    PolicyResult r =
        run(burst(10, 15, 0), TEN_SECOND_STARTUP, null, scripted(Map.of(0, 5))).of("scripted");
    assertThat(r.replicaSeconds()).isEqualTo(5 * 15);
    assertThat(r.series().ready())
        .containsExactly(IntStream.range(0, 15).mapToDouble(t -> t < 10 ? 2 : 5).toArray());
    assertThat(r.series().replicas()).containsOnly(5.0);
  }
}
