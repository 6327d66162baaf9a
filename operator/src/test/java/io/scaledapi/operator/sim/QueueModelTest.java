package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.always;
import static io.scaledapi.operator.sim.SimFixtures.burst;
import static io.scaledapi.operator.sim.SimFixtures.policy;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static io.scaledapi.operator.sim.SimFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The fluid FIFO queue on cases worked out by hand. */
class QueueModelTest {

  private static final Offset<Double> E = within(1e-9);

  private static final Cluster ONE_REPLICA_OF_50 =
      Cluster.standard().capacity(50).replicas(1, 1).slo(Duration.ofSeconds(1));

  /**
   * 100 requests a second for 4 s into one replica serving 50: the head of the queue moves at half
   * the speed of time, so the request arriving at {@code a} is served at {@code 2a} and waits
   * {@code a}. Waits are spread evenly over [0, 4] s; the backlog grows by 50 a second to 200, then
   * drains by 50 a second.
   */
  @Test
  void overloadWaitsAndBacklogAsWorkedOutByHand() {
    Recorder seen = new Recorder();
    PolicyResult r = run(burst(100, 4, 6), ONE_REPLICA_OF_50, seen, always(1)).of("always-1");

    double[] backlog = {50, 100, 150, 200, 150, 100, 50, 0, 0, 0};
    for (int t = 0; t < backlog.length; t++) {
      assertThat(seen.at(t).waiting()).as("waiting after second %d", t).isCloseTo(backlog[t], E);
      assertThat(seen.at(t).inService()).as("in service in %d", t).isCloseTo(t < 8 ? 50 : 0, E);
    }
    assertThat(r.arrived()).isEqualTo(400);
    assertThat(r.served()).isCloseTo(400, E);
    assertThat(r.dropped()).isZero();
    assertThat(r.queuedAtEnd()).isCloseTo(0, E);
    assertThat(r.waitMax()).isCloseTo(4, E);
    assertThat(r.waitP50()).isCloseTo(2, within(0.001));
    assertThat(r.waitP99()).isCloseTo(3.96, within(0.001));
    // waits above the 1 s SLO: three quarters of [0, 4]
    assertThat(r.violatingShare()).isCloseTo(0.75, E);
    assertThat(r.series().queueWait())
        .containsExactly(new double[] {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 0, 0}, E);
  }

  /**
   * The same overload with a 1.5 s timeout: until 3 s waits grow from 0 to 1.5 (150 served); then
   * the head stays 1.5 s behind, serving 50 a second at 1.5 s and dropping the other 50, until it
   * reaches the last arrival at 5.5 s (125 served, 125 dropped).
   */
  @Test
  void timeoutDropsWhatWouldWaitLonger() {
    Recorder seen = new Recorder();
    Cluster c = ONE_REPLICA_OF_50.timeout(Duration.ofMillis(1500)).slo(Duration.ofMillis(500));
    PolicyResult r = run(burst(100, 4, 6), c, seen, always(1)).of("always-1");

    double[] backlog = {50, 100, 150, 150, 50, 0, 0};
    double[] dropped = {0, 0, 0, 50, 100, 125, 125};
    for (int t = 0; t < backlog.length; t++) {
      assertThat(seen.at(t).waiting()).as("waiting after second %d", t).isCloseTo(backlog[t], E);
      assertThat(seen.at(t).dropped()).as("dropped by %d", t).isCloseTo(dropped[t], E);
    }
    assertThat(r.dropped()).isCloseTo(125, E);
    assertThat(r.served()).isCloseTo(275, E);
    assertThat(r.waitMax()).isCloseTo(1.5, E);
    // the median of 150 waits even over [0, 1.5] and 125 at 1.5 is the 137.5th
    assertThat(r.waitP50()).isCloseTo(1.375, within(0.001));
    // violating: 100 of the first 150 (above 0.5 s), the 125 served at 1.5 s, the 125 dropped
    assertThat(r.violatingShare()).isCloseTo(350.0 / 400, E);
  }

  @Test
  void droppedRequestsViolateEvenUnderALooseSlo() {
    Cluster c = ONE_REPLICA_OF_50.timeout(Duration.ofMillis(1500)).slo(Duration.ofSeconds(30));
    PolicyResult r = run(burst(100, 4, 6), c, null, always(1)).of("always-1");
    assertThat(r.violatingShare()).isCloseTo(125.0 / 400, E);
  }

  @Test
  void enoughCapacityMeansNoWait() {
    PolicyResult r = run(burst(40, 20, 0), ONE_REPLICA_OF_50, null, always(1)).of("always-1");
    assertThat(r.waitMax()).isZero();
    assertThat(r.waitP99()).isZero();
    assertThat(r.violatingShare()).isZero();
    assertThat(r.served() + r.queuedAtEnd()).isCloseTo(800, E);
  }

  /**
   * 150 requests in second 0 into 100 a second of service: the head moves at 2/3, so the request
   * arriving at {@code a} is served at {@code 1.5 a} and waits {@code a / 2}; the queue of 50 left
   * at 1 s is gone at 1.5 s. The concurrency a policy sees is the mean queue plus what was served:
   * 25 + 100 over second 0, 12.5 + 50 over second 1.
   */
  @Test
  void theQueueEmptiesInsideASecondAndPoliciesSeeItsMeanLength() {
    List<View> views = new ArrayList<>();
    PolicyFactory watching =
        policy(
            "watching",
            v -> {
              views.add(v);
              return 2;
            });
    Cluster c = ONE_REPLICA_OF_50.replicas(2, 2);
    PolicyResult r = run(workload(150, 0, 0), c, null, watching).of("watching");

    assertThat(r.waitMax()).isCloseTo(0.5, E);
    assertThat(r.waitP50()).isCloseTo(0.25, within(0.001));
    double[] concurrency = views.stream().mapToDouble(View::concurrency).toArray();
    // second 0 sees the pre-history's last second: the 3 s workload's mean rate, 50, in service
    assertThat(concurrency).containsExactly(new double[] {50, 125, 62.5}, E);
    assertThat(views).extracting(View::requestsLastSecond).containsExactly(50.0, 150.0, 0.0);
    assertThat(views.get(2).now()).isEqualTo(BuiltInWorkloads.START.plusSeconds(2));
  }

  @Test
  void requestsWaitBehindSecondsWithNoArrivals() {
    // 60 arrive in second 0; one replica of 20 a second; seconds 1 and 2 bring nothing
    PolicyResult r =
        run(workload(60, 0, 0, 0), ONE_REPLICA_OF_50.capacity(20), null, always(1)).of("always-1");
    // the request arriving at a is served at 3a: it waits 2a, up to 2 s
    assertThat(r.waitMax()).isCloseTo(2, E);
    assertThat(r.waitP50()).isCloseTo(1, within(0.001));
    assertThat(r.served() + r.queuedAtEnd()).isCloseTo(60, E);
    assertThat(r.queuedAtEnd()).isCloseTo(0, E);
  }
}
