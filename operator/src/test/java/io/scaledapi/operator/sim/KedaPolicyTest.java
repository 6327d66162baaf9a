package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.BaselineFixtures.create;
import static io.scaledapi.operator.sim.BaselineFixtures.rate;
import static io.scaledapi.operator.sim.BaselineFixtures.replay;
import static io.scaledapi.operator.sim.BaselineFixtures.view;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import io.scaledapi.operator.sim.SimFixtures.Recorder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KEDA's Prometheus scaler on the queue, in front of an HPA: a threshold of 0.7 x 50 = 35 requests
 * waiting or in service per replica.
 */
class KedaPolicyTest {

  /** Prometheus whose queue query (waiting plus in service) answers {@code queue}; no rate. */
  static Metrics queue(LongToDoubleFunction queue) {
    return new BaselineFixtures.FakeMetrics(t -> Double.NaN, queue);
  }

  /** A queue that rises and falls in whole requests, needing 1 to 23 replicas. */
  static final LongToDoubleFunction WAVES = t -> 35 + 40 * ((t / 120) % 20);

  static KedaSettings polling(Duration interval) {
    KedaSettings d = KedaSettings.defaults();
    return new KedaSettings(d.hpa(), interval, d.useCachedMetrics(), d.ignoreNullValues());
  }

  static KedaSettings utilization(double u) {
    HpaSettings d = HpaSettings.defaults();
    HpaSettings hpa =
        new HpaSettings(
            u,
            d.syncPeriod(),
            d.rateWindow(),
            d.tolerance(),
            d.downscaleStabilization(),
            d.behavior(),
            d.minReplicas());
    KedaSettings k = KedaSettings.defaults();
    return new KedaSettings(hpa, k.pollingInterval(), k.useCachedMetrics(), k.ignoreNullValues());
  }

  @Test
  void isNamedAndAnsweredAtTheHpaSyncPeriod() {
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    assertThat(keda.name()).isEqualTo("keda");
    assertThat(keda.period()).isEqualTo(Duration.ofSeconds(15));
  }

  /** The query adds the requests waiting and those in service, as scraped. */
  @Test
  void theQueryIsTheRequestsWaitingPlusInService() {
    Scrapes s = Scrapes.steadyBefore(Duration.ofSeconds(15), 40);
    s.add(15, 40 * 3616 + 600, 40 * 3616, 560, 80);
    assertThat(KedaPolicy.query(s, 0)).isEqualTo(40);
    assertThat(KedaPolicy.query(s, 29)).isEqualTo(640);
    assertThat(KedaPolicy.query(new Scrapes(Duration.ofSeconds(15)), 0)).isNaN();
  }

  /**
   * The threshold is requests per replica, {@code hpa.targetUtilization × capacityPerReplica}: 35
   * by default, 25 at a target of 0.5; 500 requests in the system ask for ceil(500 / 25) = 20.
   */
  @Test
  void theThresholdIsTheTargetUtilizationOfACapacity() {
    assertThat(KedaPolicy.threshold(KedaSettings.defaults(), BaselineFixtures.CLUSTER))
        .isCloseTo(35, within(1e-9));
    assertThat(KedaPolicy.threshold(utilization(0.5), BaselineFixtures.CLUSTER))
        .isCloseTo(25, within(1e-9));
    Policy half = create(KedaPolicy.factory(utilization(0.5)));
    assertThat(half.decide(view(0, 10, queue(t -> 500)))).isEqualTo(20);
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    assertThat(keda.decide(view(0, 10, queue(t -> 500)))).isEqualTo(15);
  }

  /** KEDA creates its HPA without a behavior field: the same 1 -> 4 -> 8 -> 16 -> 20. */
  @Test
  void stepIsTheHpasBuiltInSequence() {
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    assertThat(replay(keda, queue(t -> 700), 1, 5)).containsExactly(4, 8, 16, 20, 20);
  }

  /**
   * The same controller as the HPA's on another signal: fed the queue's numbers as its rate, the
   * HPA answers as KEDA does. And the metrics server queries Prometheus on every HPA request unless
   * metrics are cached, so the polling interval changes no decision.
   */
  @Test
  void theHpasRulesOnTheQueueAndWithoutTheCacheNoPollingLag() {
    List<Integer> hpa =
        replay(create(HpaPolicy.factory(HpaSettings.defaults())), rate(WAVES), 1, 200);
    List<Integer> keda30 =
        replay(create(KedaPolicy.factory(KedaSettings.defaults())), queue(WAVES), 1, 200);
    List<Integer> keda300 =
        replay(create(KedaPolicy.factory(polling(Duration.ofSeconds(300)))), queue(WAVES), 1, 200);
    assertThat(keda30).contains(1, 23); // the load does vary
    assertThat(keda30).isEqualTo(hpa);
    assertThat(keda300).isEqualTo(keda30);
  }

  /**
   * With {@code useCachedMetrics} the HPA sees the value of KEDA's last poll: a rise at second 35
   * reaches the sync of second 45 directly, but through the cache only at the poll of second 60.
   */
  @Test
  void cachedMetricsLagUpToOnePollingInterval() {
    Metrics rise = queue(t -> t < 35 ? 35 : 700);
    Policy direct = create(KedaPolicy.factory(KedaSettings.defaults()));
    Policy cached = create(KedaPolicy.factory(KedaSettings.defaults().withCachedMetrics(true)));
    assertThat(replay(direct, rise, 1, 5)).containsExactly(1, 1, 1, 4, 8);
    assertThat(replay(cached, rise, 1, 5)).containsExactly(1, 1, 1, 1, 4);
  }

  @ParameterizedTest(name = "second {0}, polling {1}s -> last poll at {2}")
  @CsvSource({"0, 30, 0", "29, 30, 0", "30, 30, 30", "45, 30, 30", "599, 300, 300"})
  void lastPoll(long t, long interval, long expected) {
    assertThat(KedaPolicy.lastPoll(t, Duration.ofSeconds(interval))).isEqualTo(expected);
  }

  /**
   * With no value from Prometheus the adapter's HPA holds; KEDA reads 0 (ignoreNullValues defaults
   * to true), so its HPA scales down once the first recommendation leaves the 300 s window.
   */
  @Test
  void noValueReadsAsZeroWhereTheHpaHolds() {
    Metrics none = new BaselineFixtures.FakeMetrics(t -> Double.NaN, t -> Double.NaN);
    List<Integer> hpa = replay(create(HpaPolicy.factory(HpaSettings.defaults())), none, 10, 23);
    List<Integer> keda = replay(create(KedaPolicy.factory(KedaSettings.defaults())), none, 10, 23);
    Policy strict = create(KedaPolicy.factory(KedaSettings.defaults().withIgnoreNullValues(false)));
    assertThat(hpa).containsOnly(10);
    assertThat(keda.subList(0, 21)).containsOnly(10); // seconds 0 to 300
    assertThat(keda.subList(21, 23)).containsOnly(1); // the minimum
    assertThat(replay(strict, none, 10, 23)).containsOnly(10);
  }

  /** KEDA rounds the value to milli-units where the adapter truncates: one milli can tip it. */
  @Test
  void roundsWhereTheAdapterTruncates() {
    assertThat(KedaPolicy.scalerValue(385.0006, true)).hasValue(385001);
    assertThat(KedaPolicy.scalerValue(-3, true)).hasValue(0);
    assertThat(KedaPolicy.scalerValue(Double.NaN, false)).isEmpty();
    // 10 replicas x 35 x 1.1 = 385
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(keda.decide(view(0, 10, queue(t -> 385.0006)))).isEqualTo(12);
    assertThat(hpa.decide(view(0, 10, rate(t -> 385.0006)))).isEqualTo(10);
  }

  /**
   * Ten replicas of 50 carry 350 a second; from second 300 for two minutes 700 arrive, more than
   * their 500. At the sync of 315 the scrape shows 15 s of backlog, 15 x 200 = 3000 waiting and 500
   * in service: KEDA asks for ceil(3500 / 35) = 100, held to 2 x 10 = 20 by the HPA's limit. The
   * HPA's 1-minute rate has only a third of the burst, (30 x 350 + 15 x 700) / 45 = 466.7 a second,
   * and asks for ceil(466.7 / 35) = 14; the backlog never reaches it, so it stays below KEDA
   * throughout.
   */
  @Test
  void onABurstThatBacksUpTheQueueKedaScalesUpWhereTheHpaSeesLess() {
    double[] arrivals = new double[900];
    Arrays.fill(arrivals, 350);
    Arrays.fill(arrivals, 300, 420, 700);
    Recorder seen = new Recorder();
    Cluster ten = Cluster.standard().replicas(10, 100);
    run(
        SimFixtures.workload(arrivals),
        ten,
        seen,
        KedaPolicy.factory(KedaSettings.defaults()),
        HpaPolicy.factory(HpaSettings.defaults()));
    List<Replay.Second> keda = seen.steps.subList(0, 900);
    List<Replay.Second> hpa = seen.steps.subList(900, 1800);

    assertThat(keda.get(299).specReplicas()).isEqualTo(10);
    assertThat(hpa.get(299).specReplicas()).isEqualTo(10);
    assertThat(keda.get(315).specReplicas()).isEqualTo(20);
    assertThat(hpa.get(315).specReplicas()).isEqualTo(14);
    int kedaMost = keda.stream().mapToInt(Replay.Second::specReplicas).max().orElseThrow();
    int hpaMost = hpa.stream().mapToInt(Replay.Second::specReplicas).max().orElseThrow();
    assertThat(kedaMost).isGreaterThan(hpaMost);
    for (int t = 315; t < 420; t++) {
      assertThat(keda.get(t).specReplicas())
          .as("second %d", t)
          .isGreaterThanOrEqualTo(hpa.get(t).specReplicas());
    }
  }
}
