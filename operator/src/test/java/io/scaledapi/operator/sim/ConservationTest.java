package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.always;
import static io.scaledapi.operator.sim.SimFixtures.reactive;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static io.scaledapi.operator.sim.SimFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request is accounted for at the end of every second: arrived = served + dropped + waiting +
 * in service. Waiting is measured from the queue's head, the other terms are summed from what the
 * queue handed out piece by piece, so a piece miscounted anywhere shows.
 */
class ConservationTest {

  /** Six hours of the built-in traffic around the morning climb and the first spikes. */
  private static final Workload MORNING =
      slice(BuiltInWorkloads.named(BuiltInWorkloads.DEFAULT, 7, 1), 6 * 3600, 12 * 3600);

  static Stream<Arguments> clusters() {
    Cluster standard = Cluster.standard().replicas(2, 40);
    return Stream.of(
        Arguments.of("no timeout", standard),
        Arguments.of("2 s timeout", standard.timeout(Duration.ofSeconds(2))),
        Arguments.of("300 ms timeout", standard.timeout(Duration.ofMillis(300))),
        Arguments.of(
            "jittered start-up, 1 s scrapes",
            standard
                .startup(Duration.ofSeconds(45), Duration.ofSeconds(30))
                .scrape(Duration.ofSeconds(1))),
        Arguments.of("instant start-up", standard.startup(Duration.ZERO, Duration.ZERO)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void everyRequestIsAccountedForEverySecond(String name, Cluster cluster) {
    double[] previous = new double[2];
    int[] checked = new int[1];
    Replay.Observer check =
        (policy, s) -> {
          double tolerance = 1e-9 * s.arrived() + 1e-6;
          String at = policy + " at " + s.t();
          assertThat(s.served() + s.dropped() + s.waiting() + s.inService())
              .as(at)
              .isCloseTo(s.arrived(), within(tolerance));
          assertThat(s.waiting()).as(at).isGreaterThanOrEqualTo(0);
          assertThat(s.inService())
              .as(at)
              .isLessThanOrEqualTo(s.readyReplicas() * cluster.capacity() + tolerance);
          if (s.t() > 0) {
            assertThat(s.served()).as(at).isGreaterThanOrEqualTo(previous[0] - tolerance);
            assertThat(s.dropped()).as(at).isGreaterThanOrEqualTo(previous[1] - tolerance);
          }
          previous[0] = s.served();
          previous[1] = s.dropped();
          checked[0]++;
        };
    SimulationResult result =
        run(MORNING, cluster, check, always(3), always(12), reactive(1.2, 50), reactive(2, 50));

    assertThat(checked[0]).isEqualTo(4 * MORNING.seconds());
    for (PolicyResult r : result.results()) {
      assertThat(r.served() + r.dropped() + r.queuedAtEnd())
          .as(r.policy())
          .isCloseTo(r.arrived(), within(1e-9 * r.arrived()));
    }
    // the under-provisioned policy did build a queue, so the check covered one
    assertThat(result.of("always-3").waitMax()).isGreaterThan(0.2);
  }
}
