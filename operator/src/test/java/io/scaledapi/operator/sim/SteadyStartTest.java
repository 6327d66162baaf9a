package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every policy starts from the same steady state: the hour before second 0 ran at the first
 * minute's mean rate on the initial replicas, and Prometheus scraped it.
 */
class SteadyStartTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** 350 requests a second: 10 replicas of 50 at the baselines' 70% target. */
  private static final Cluster TEN_OF_50 = Cluster.standard().replicas(10, 100);

  private static Workload constant(double rate, int seconds) {
    double[] arrivals = new double[seconds];
    Arrays.fill(arrivals, rate);
    return SimFixtures.workload(arrivals);
  }

  @Test
  void theHourBeforeSecondZeroIsScrapedAtTheSteadyRate() {
    Scrapes s = Scrapes.steadyBefore(Duration.ofSeconds(15), 40);
    assertThat(s.arrivalRate(0, MINUTE)).isCloseTo(40, within(1e-9));
    assertThat(s.servedRate(0, MINUTE)).isCloseTo(40, within(1e-9));
    assertThat(s.arrivalRate(0, Duration.ofHours(1))).isCloseTo(40, within(1e-9));
    assertThat(s.arrivalRate(-3585, Duration.ofSeconds(16))).isCloseTo(40, within(1e-9));
    assertThat(s.arrivalRate(-3600, MINUTE)).isNaN(); // the hour's first scrape alone
    assertThat(s.queueDepth(0)).isZero();
    assertThat(s.inFlight(0)).isEqualTo(40);
    // arrived = served + waiting + in service at every scrape
    assertThat(s.arrivedTotal(0)).isEqualTo(40 * 3601);
    assertThat(s.arrivedTotal(-3600)).isEqualTo(40);
    // a scrape interval that does not divide the hour: the first scrape is at -514 x 7 s
    Scrapes odd = Scrapes.steadyBefore(Duration.ofSeconds(7), 40);
    assertThat(odd.queueDepth(-3599)).isNaN();
    assertThat(odd.queueDepth(-3598)).isZero();
    assertThat(odd.arrivalRate(0, Duration.ofHours(1))).isCloseTo(40, within(1e-9));
  }

  /**
   * On a constant workload the run's scrapes go on where the pre-history left off: every window,
   * across second 0 or not, reads the same rates, and the gauges the same values.
   */
  @Test
  void aConstantWorkloadReadsTheSameAcrossSecondZero() {
    List<double[]> seen = new ArrayList<>();
    PolicyFactory reader =
        SimFixtures.policy(
            "reader",
            v -> {
              Metrics m = v.metrics();
              seen.add(
                  new double[] {
                    m.arrivalRate(v.t(), MINUTE),
                    m.servedRate(v.t(), MINUTE),
                    m.queueDepth(v.t()),
                    m.inFlight(v.t()),
                    v.concurrency(),
                    v.requestsLastSecond()
                  });
              return 2;
            });
    run(constant(100, 300), Cluster.standard().replicas(2, 2), null, reader);
    for (int t = 0; t < seen.size(); t++) {
      assertThat(seen.get(t))
          .as("second %d", t)
          .containsExactly(new double[] {100, 100, 0, 100, 100, 100}, within(1e-9));
    }
  }

  /** The first decision of every policy reads the pre-history, finite and the same for all. */
  @Test
  void everyPolicysFirstDecisionSeesThePreHistory() {
    double[] arrivals = new double[600];
    // the first minute's mean is (30 x 200 + 30 x 400) / 60 = 300
    Arrays.fill(arrivals, 0, 30, 200);
    Arrays.fill(arrivals, 30, 60, 400);
    Arrays.fill(arrivals, 60, 600, 100);
    Map<String, View> first = new LinkedHashMap<>();
    List<PolicyFactory> spied = new ArrayList<>();
    for (PolicyFactory f :
        List.of(
            OursPolicy.factory(Optional.empty()),
            HpaPolicy.factory(HpaSettings.defaults()),
            KedaPolicy.factory(KedaSettings.defaults()),
            KnativePolicy.factory(KnativeSettings.defaults()),
            OraclePolicy.factory())) {
      spied.add(firstView(f, first));
    }
    Simulator.run(
        SimFixtures.workload(arrivals),
        Cluster.standard().replicas(6, 100).spec(),
        spied,
        Progress.none());

    assertThat(first).containsOnlyKeys("ours", "hpa", "keda", "knative", "oracle");
    first.forEach(
        (name, v) -> {
          Metrics m = v.metrics();
          assertThat(v.t()).as(name).isZero();
          assertThat(m.queueDepth(0)).as(name).isZero();
          assertThat(m.inFlight(0)).as(name).isCloseTo(300, within(1e-9));
          assertThat(m.arrivalRate(0, MINUTE)).as(name).isCloseTo(300, within(1e-9));
          assertThat(m.servedRate(0, MINUTE)).as(name).isCloseTo(300, within(1e-9));
          assertThat(v.concurrency()).as(name).isCloseTo(300, within(1e-9));
          assertThat(v.requestsLastSecond()).as(name).isCloseTo(300, within(1e-9));
        });
  }

  /**
   * A constant workload the initial replicas carry at the baselines' target: the HPA, KEDA and the
   * KPA keep the 10 replicas from their first decision on, with no scale-down to 1 at second 0.
   */
  @Test
  void theBaselinesHoldASteadyWorkloadFromTheFirstDecision() {
    Recorder seen = new Recorder();
    run(
        constant(350, 1200),
        TEN_OF_50,
        seen,
        HpaPolicy.factory(HpaSettings.defaults()),
        KedaPolicy.factory(KedaSettings.defaults()),
        KnativePolicy.factory(KnativeSettings.defaults()));
    assertThat(seen.steps).hasSize(3 * 1200);
    assertThat(seen.steps).extracting(Replay.Second::specReplicas).containsOnly(10);
  }

  /**
   * The operator too: its first poll reads 350 requests in the system, 10 replicas at its target of
   * 35 each, where without the pre-history it read an empty queue, asked for 1 and then overshot.
   */
  @Test
  void oursHoldsASteadyWorkloadFromTheFirstDecision() {
    Recorder seen = new Recorder();
    run(constant(350, 1200), TEN_OF_50, seen, OursPolicy.factory(Optional.empty()));
    assertThat(seen.steps).extracting(Replay.Second::specReplicas).containsOnly(10);
  }

  /** Wraps {@code factory} so that its policy's first view is kept under the policy's name. */
  private static PolicyFactory firstView(PolicyFactory factory, Map<String, View> first) {
    return (workload, cluster) -> {
      Policy policy = factory.create(workload, cluster);
      return new Policy() {
        @Override
        public String name() {
          return policy.name();
        }

        @Override
        public Duration period() {
          return policy.period();
        }

        @Override
        public int decide(View view) {
          first.putIfAbsent(policy.name(), view);
          return policy.decide(view);
        }
      };
    };
  }
}
