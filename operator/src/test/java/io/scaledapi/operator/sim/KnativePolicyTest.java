package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.BaselineFixtures.START;
import static io.scaledapi.operator.sim.BaselineFixtures.create;
import static io.scaledapi.operator.sim.BaselineFixtures.rate;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.KnativePolicy.Metric;
import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The KPA on concurrency, its default: a target of 50 requests in flight per replica at 0.7
 * utilization is 35 per pod. Each test feeds one second at a time, as the autoscaler's scraper
 * does; where the metric does not matter, the second's concurrency and request count are equal, as
 * in a steady state of one-second requests.
 */
class KnativePolicyTest {

  static Policy kpa() {
    return create(KnativePolicy.factory(KnativeSettings.defaults()));
  }

  static Policy rps() {
    return create(KnativePolicy.factory(KnativeSettings.defaults(), Metric.RPS));
  }

  /** A second with {@code ready} pods, {@code value} requests in flight and arrived. */
  static View knativeView(long t, int ready, double value) {
    return stats(t, ready, value, value);
  }

  /** A second with {@code ready} pods, its mean concurrency and its request count. */
  static View stats(long t, int ready, double concurrency, double requests) {
    return new View(t, START.plusSeconds(t), ready, ready, rate(s -> 0), concurrency, requests);
  }

  /** Feeds seconds {@code from} to {@code to} with a fixed number of ready pods; the answers. */
  static Map<Long, Integer> feed(
      Policy policy, long from, long to, int ready, LongToDoubleFunction requests) {
    Map<Long, Integer> answers = new HashMap<>();
    for (long t = from; t <= to; t++) {
      answers.put(t, policy.decide(knativeView(t, ready, requests.applyAsDouble(t))));
    }
    return answers;
  }

  @Test
  void isNamedAndRecordsEverySecond() {
    Policy kpa = kpa();
    assertThat(kpa.name()).isEqualTo("knative");
    assertThat(kpa.period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(KnativeSettings.defaults().panicWindow()).isEqualTo(Duration.ofSeconds(6));
  }

  /**
   * Ten pods carry 350 requests per second; from second 60 the load is 420. The stable window's
   * average moves a sixtieth per second: ceil(351.17 / 35) = 11 at second 60, and 12 only at 90,
   * when 31 seconds of the higher load are in the window (at 88 it is ceil(383.83 / 35) = 11).
   */
  @Test
  void stableModeFollowsTheSixtySecondAverage() {
    Policy kpa = kpa();
    Map<Long, Integer> answers = feed(kpa, 0, 90, 10, t -> t < 60 ? 350 : 420);
    assertThat(answers.get(58L)).isEqualTo(10);
    assertThat(answers.get(60L)).isEqualTo(11);
    assertThat(answers.get(88L)).isEqualTo(11);
    assertThat(answers.get(90L)).isEqualTo(12);
  }

  /**
   * A 3x burst from second 60: the 6 s panic window averages (3 x 350 + 3 x 1050) / 6 = 700 at
   * second 62, ceil(700 / 35) = 20 pods, twice the 10 ready: panic, and the larger panic count wins
   * over the stable count of ceil(385 / 35) = 11.
   */
  @Test
  void aThreeTimesBurstPanicsAndScalesUp() {
    Policy kpa = kpa();
    Map<Long, Integer> answers = feed(kpa, 0, 62, 10, t -> t < 60 ? 350 : 1050);
    assertThat(answers.get(60L)).isEqualTo(11); // 14 panic pods are only 1.4x the ready pods
    assertThat(answers.get(62L)).isEqualTo(20);
  }

  /**
   * The burst lasts seconds 60 to 69. The panic count peaks at 30; the last tick over the threshold
   * is second 72. Until a stable window has passed after it (second 132 included) the KPA keeps 30
   * although the stable count is at most ceil(466.67 / 35) = 14; at 134 it leaves panic and takes
   * the stable count, 10.
   */
  @Test
  void noScaleDownWhilePanickingAndPanicLastsAStableWindow() {
    Policy kpa = kpa();
    Map<Long, Integer> answers = feed(kpa, 0, 134, 10, t -> t >= 60 && t < 70 ? 1050 : 350);
    assertThat(answers.get(66L)).isEqualTo(30);
    for (long t = 66; t <= 133; t++) {
      assertThat(answers.get(t)).as("second %d", t).isEqualTo(30);
    }
    assertThat(answers.get(134L)).isEqualTo(10);
  }

  /** With 20 ready pods and a load for 1, the KPA halves at most: floor(ready / 2) per tick. */
  @Test
  void maxScaleDownRateHalvesAtMost() {
    Policy kpa = kpa();
    assertThat(kpa.decide(knativeView(0, 20, 35))).isEqualTo(10);
    assertThat(kpa.decide(knativeView(1, 10, 35))).isEqualTo(10); // not a tick
    assertThat(kpa.decide(knativeView(2, 10, 35))).isEqualTo(5);
    assertThat(kpa.decide(knativeView(4, 5, 35))).isEqualTo(2);
    assertThat(kpa.decide(knativeView(6, 2, 35))).isEqualTo(1);
  }

  /** The scale-up limit is relative to ready pods: with a rate of 2, 3 ready pods allow 6. */
  @Test
  void maxScaleUpRateIsRelativeToReadyPods() {
    Policy slow = create(KnativePolicy.factory(KnativeSettings.defaults().withRates(2, 2)));
    assertThat(slow.decide(knativeView(0, 3, 700))).isEqualTo(6);
    Policy kpa = kpa();
    assertThat(kpa.decide(knativeView(0, 3, 700))).isEqualTo(20);
  }

  /**
   * Decisions come on 2 s ticks, but every second is recorded: the 3500 requests of second 1 change
   * nothing at second 1 and count at second 2, (35 + 3500 + 35) / 3 = 1190, 34 pods.
   */
  @Test
  void decidesOnTicksFromEverySecond() {
    Policy kpa = kpa();
    assertThat(kpa.decide(knativeView(0, 1, 35))).isEqualTo(1);
    assertThat(kpa.decide(knativeView(1, 1, 3500))).isEqualTo(1);
    assertThat(kpa.decide(knativeView(2, 1, 35))).isEqualTo(34);
  }

  @Test
  void staysWithinMinScaleAndTheClusterMaximum() {
    Policy kpa = kpa();
    assertThat(kpa.decide(knativeView(0, 1, 0))).isEqualTo(1);
    assertThat(kpa.decide(knativeView(2, 1, 100_000))).isEqualTo(100);
  }

  /**
   * Ten pods carry 350 requests a second, but 700 more wait: the concurrency of 1050 asks for
   * ceil(1050 / 35) = 30 pods, three times the ready ones, and panics; the request rate shows only
   * the 350 that arrive and keeps 10.
   */
  @Test
  void concurrencyCountsTheRequestsWaitingWhereTheRateDoesNot() {
    assertThat(kpa().decide(stats(0, 10, 1050, 350))).isEqualTo(30);
    assertThat(rps().decide(stats(0, 10, 1050, 350))).isEqualTo(10);
    assertThat(kpa().decide(stats(0, 10, 350, 1050))).isEqualTo(10);
    assertThat(rps().decide(stats(0, 10, 350, 1050))).isEqualTo(30);
  }

  /**
   * Through the simulator: ten replicas of 50 carry 350 a second, then for two minutes 700 arrive,
   * more than their 500. Both variants see the rise at once (one-second stats, a 6 s panic window),
   * but the backlog adds to the concurrency only, so the KPA on concurrency asks for more replicas
   * than the KPA on rps and leaves fewer requests waiting past the SLO.
   */
  @Test
  void onABurstThatBacksUpTheQueueConcurrencyScalesFurtherThanRps() {
    double[] arrivals = new double[900];
    Arrays.fill(arrivals, 350);
    Arrays.fill(arrivals, 300, 420, 700);
    Recorder seen = new Recorder();
    SimulationResult r =
        run(
            SimFixtures.workload(arrivals),
            Cluster.standard().replicas(10, 100),
            seen,
            KnativePolicy.factory(KnativeSettings.defaults()),
            policy("knative-rps", KnativePolicy.factory(KnativeSettings.defaults(), Metric.RPS)));
    List<Replay.Second> concurrency = seen.steps.subList(0, 900);
    List<Replay.Second> rps = seen.steps.subList(900, 1800);

    assertThat(concurrency.get(299).specReplicas()).isEqualTo(10);
    assertThat(rps.get(299).specReplicas()).isEqualTo(10);
    int concurrencyMost = most(concurrency);
    int rpsMost = most(rps);
    assertThat(rpsMost).isEqualTo(20); // ceil(700 / 35)
    assertThat(concurrencyMost).isGreaterThan(rpsMost);
    assertThat(r.of("knative").violatingShare()).isLessThan(r.of("knative-rps").violatingShare());
  }

  private static int most(List<Replay.Second> seconds) {
    return seconds.stream().mapToInt(Replay.Second::specReplicas).max().orElseThrow();
  }

  /** {@code factory}'s policy under another name. */
  private static PolicyFactory policy(String name, PolicyFactory factory) {
    return (workload, cluster) -> {
      Policy p = factory.create(workload, cluster);
      return new Policy() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public Duration period() {
          return p.period();
        }

        @Override
        public int decide(View view) {
          return p.decide(view);
        }
      };
    };
  }
}
