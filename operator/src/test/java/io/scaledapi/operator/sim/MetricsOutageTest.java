package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.api.v1alpha1.FallbackBehavior;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus down for a while: what each policy does, and what the run records. */
class MetricsOutageTest {

  /** Prometheus down from second 300 to 900: polls 300 to 885 of a 15 s policy fail. */
  static final MetricsOutage OUTAGE =
      new MetricsOutage(Duration.ofSeconds(300), Duration.ofSeconds(600));

  static final int POLLS = 100;
  static final int LAST_POLL_DOWN = 885;
  static final int STEADY = 10;

  /** 350 req/s arriving and served, 350 in service and none waiting: ten replicas at 35 each. */
  record Steady() implements Metrics {
    @Override
    public double arrivalRate(long t, Duration window) {
      return 350;
    }

    @Override
    public double servedRate(long t, Duration window) {
      return 350;
    }

    @Override
    public double queueDepth(long t) {
      return 0;
    }

    @Override
    public double inFlight(long t) {
      return 350;
    }
  }

  static final Metrics STEADY_LOAD = OutageMetrics.of(new Steady(), List.of(OUTAGE));

  /** The default spec without prediction and with {@code fallback}. */
  static ScaledApiSpec withFallback(FallbackSpec fallback) {
    ScaledApiSpec d = OursPolicy.defaultSpec(BaselineFixtures.CLUSTER).withPrediction(null);
    return new ScaledApiSpec(
        d.scaleTargetRef(),
        d.minReplicas(),
        d.maxReplicas(),
        d.pollingInterval(),
        d.prometheus(),
        d.queue(),
        d.latency(),
        d.arrivalRate(),
        d.servedRate(),
        d.targetUtilization(),
        d.prediction(),
        d.behavior(),
        d.tolerance(),
        fallback,
        d.mode(),
        d.paused(),
        d.pausedScaleUp(),
        d.pausedScaleDown(),
        d.raw());
  }

  /** Each poll's answer from second 0, every 15 s, each written back as the next spec replicas. */
  static List<Integer> replay(Policy policy, Metrics metrics, int initial, int polls) {
    return BaselineFixtures.replay(policy, metrics, initial, polls);
  }

  /**
   * The third failed poll (330) reaches the threshold of 3. Raising follows at once; lowering
   * waits, as any lowering does, for the default behaviour's 5-minute scale-down stabilization
   * window to pass the last poll that read ten (285), so it comes at 585.
   */
  static Stream<Arguments> fallbacks() {
    return Stream.of(
        // behaviour, fallback.replicas, replicas during the outage, from which second
        Arguments.of(FallbackBehavior.STATIC, 4, 4, 585),
        Arguments.of(FallbackBehavior.STATIC, 16, 16, 330),
        Arguments.of(FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER, 16, 16, 330),
        Arguments.of(FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER, 4, STEADY, 330),
        Arguments.of(FallbackBehavior.CURRENT_REPLICAS_IF_LOWER, 4, 4, 585),
        Arguments.of(FallbackBehavior.CURRENT_REPLICAS_IF_LOWER, 16, STEADY, 330),
        Arguments.of(FallbackBehavior.CURRENT_REPLICAS, null, STEADY, 330),
        // no behaviour: currentReplicasIfHigher with replicas, currentReplicas without
        Arguments.of(null, 16, 16, 330),
        Arguments.of(null, null, STEADY, 330));
  }

  @ParameterizedTest(name = "{0} with replicas {1}: {2} from second {3} of the outage")
  @MethodSource("fallbacks")
  void oursFollowsItsFallbackAfterTheThresholdAndResumesAfter(
      FallbackBehavior behavior, Integer replicas, int fallenBack, int from) {
    Policy ours =
        OursPolicy.factory(Optional.of(withFallback(new FallbackSpec(3, replicas, behavior))))
            .create(BaselineFixtures.WORKLOAD, BaselineFixtures.CLUSTER);

    List<Integer> answers = replay(ours, STEADY_LOAD, STEADY, POLLS);

    assertThat(answers.subList(0, from / 15)).containsOnly(STEADY);
    assertThat(answers.subList(from / 15, LAST_POLL_DOWN / 15 + 1)).containsOnly(fallenBack);
    // back at 900: the signals say ten again, reached within a scale-down window
    assertThat(answers.get(POLLS - 1)).isEqualTo(STEADY);
  }

  @Test
  void withoutAFallbackOursHoldsThroughTheOutage() {
    Policy ours =
        OursPolicy.factory(Optional.of(withFallback(null)))
            .create(BaselineFixtures.WORKLOAD, BaselineFixtures.CLUSTER);

    assertThat(replay(ours, STEADY_LOAD, STEADY, POLLS)).containsOnly(STEADY);
  }

  @Test
  void theFallbackActsOnTheFailedQueriesNotOnAnEmptyAnswer() {
    // the same static fallback with the same load: without the outage it never acts
    Policy ours =
        OursPolicy.factory(
                Optional.of(withFallback(new FallbackSpec(3, 4, FallbackBehavior.STATIC))))
            .create(BaselineFixtures.WORKLOAD, BaselineFixtures.CLUSTER);
    Metrics up = new Steady();

    assertThat(replay(ours, up, STEADY, POLLS)).containsOnly(STEADY);
  }

  static Stream<Arguments> baselines() {
    return Stream.of(
        Arguments.of("hpa", HpaPolicy.factory(HpaSettings.defaults())),
        Arguments.of("keda", KedaPolicy.factory(KedaSettings.defaults())),
        Arguments.of(
            "keda, cached metrics",
            KedaPolicy.factory(KedaSettings.defaults().withCachedMetrics(true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baselines")
  void theHpaAndKedaHoldThroughTheOutageAndFollowTheRiseAfter(String name, PolicyFactory factory) {
    // the load doubles during the outage: 700 req/s, 700 waiting or in service
    Metrics rising =
        OutageMetrics.of(
            new BaselineFixtures.FakeMetrics(
                t -> t < 360 ? 350 : 700, t -> t < 360 ? 350 : 700, t -> 350),
            List.of(OUTAGE));
    Policy policy = BaselineFixtures.create(factory);

    List<Integer> answers = replay(policy, rising, STEADY, POLLS);

    assertThat(answers.subList(0, LAST_POLL_DOWN / 15 + 1)).containsOnly(STEADY);
    assertThat(answers.get(POLLS - 1)).isEqualTo(2 * STEADY);
  }

  @Test
  void kedaTreatsTheOutageAsAnErrorNotAsAnEmptyResult() {
    // ignoreNullValues (the default) reads an empty result as 0 and scales down; a failed query
    // holds
    Policy keda = BaselineFixtures.create(KedaPolicy.factory(KedaSettings.defaults()));
    Metrics empty = new BaselineFixtures.FakeMetrics(t -> Double.NaN, t -> Double.NaN);
    Metrics down =
        OutageMetrics.of(
            empty, List.of(new MetricsOutage(Duration.ZERO, Duration.ofSeconds(POLLS * 15))));

    assertThat(replay(keda, down, STEADY, POLLS)).containsOnly(STEADY);
    assertThat(
            replay(
                    BaselineFixtures.create(KedaPolicy.factory(KedaSettings.defaults())),
                    empty,
                    STEADY,
                    POLLS)
                .get(POLLS - 1))
        .isLessThan(STEADY);
  }

  @Test
  void knativeDoesNotReadPrometheusSoScalesThroughTheOutage() {
    Policy knative = BaselineFixtures.create(KnativePolicy.factory(KnativeSettings.defaults()));
    Metrics down =
        OutageMetrics.of(
            new BaselineFixtures.FakeMetrics(t -> 0, t -> 0),
            List.of(new MetricsOutage(Duration.ZERO, Duration.ofHours(1))));
    int replicas = STEADY;
    for (long t = 0; t < 300; t++) {
      // 700 requests in the system every second, twice what ten replicas are meant to carry
      View view =
          new View(t, BaselineFixtures.START.plusSeconds(t), replicas, replicas, down, 700, 700);
      replicas = knative.decide(view);
    }
    assertThat(replicas).isEqualTo(2 * STEADY);
  }

  @Test
  void prometheusNeitherAnswersNorScrapesDuringTheOutage() {
    List<Long> failed = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    PolicyFactory probe =
        SimFixtures.policy(
            "probe",
            v -> {
              try {
                v.metrics().queueDepth(v.t());
                rates.add(v.metrics().arrivalRate(v.t(), Duration.ofMinutes(1)));
              } catch (Metrics.Unavailable e) {
                failed.add(v.t());
                rates.add(null);
              }
              return v.specReplicas();
            });
    MetricsOutage outage = new MetricsOutage(Duration.ofSeconds(300), Duration.ofSeconds(300));
    Simulator.run(
        SimFixtures.burst(50, 900, 0),
        withOutages(SimFixtures.Cluster.standard().spec(), List.of(outage)),
        List.of(probe),
        Progress.none());

    assertThat(failed).hasSize(300).startsWith(300L).endsWith(599L);
    assertThat(failed.get(299) - failed.get(0)).isEqualTo(299);
    // back at 600 with one scrape in the last minute: no rate yet; at 615 two, a rate again
    assertThat(rates.get(600)).isNaN();
    assertThat(rates.get(615)).isEqualTo(50.0);
    assertThat(rates.get(299)).isEqualTo(50.0);
  }

  @Test
  void theResultsSayTheReplicasAroundEachOutage() {
    PolicyFactory scripted =
        SimFixtures.scripted(Map.of(0, 3, 310, 7, 400, 2, 700, 5, 900, 9, 1100, 6));
    MetricsOutage second = new MetricsOutage(Duration.ofSeconds(1000), Duration.ofSeconds(600));
    ClusterSpec cluster =
        withOutages(SimFixtures.Cluster.standard().spec(), List.of(second, OUTAGE));

    PolicyResult result =
        Simulator.run(SimFixtures.burst(50, 1200, 0), cluster, List.of(scripted), Progress.none())
            .results()
            .get(0);

    assertThat(result.outages())
        .containsExactly(
            // at 900 Prometheus is back: the count before that second's decision
            new PolicyResult.OutageReplicas(OUTAGE, 3, 5, 2, 7),
            // lasts past the run's end: counted at the end
            new PolicyResult.OutageReplicas(second, 9, 6, 6, 9));
  }

  @Test
  void outagesMayNotOverlapAndLastWholeSeconds() {
    ClusterSpec cluster = SimFixtures.Cluster.standard().spec();
    MetricsOutage later = new MetricsOutage(Duration.ofSeconds(900), Duration.ofSeconds(60));

    assertThatThrownBy(() -> withOutages(cluster, List.of(OUTAGE, later)))
        .hasMessageContaining("must not overlap or touch: 5m+10m and 15m+1m");
    assertThatThrownBy(() -> new MetricsOutage(Duration.ofSeconds(1), Duration.ZERO))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new MetricsOutage(Duration.ofMillis(1500), Duration.ofSeconds(9)))
        .hasMessageContaining("whole second");
    assertThat(new MetricsOutage(Duration.ofSeconds(7290), Duration.ofSeconds(90)).label())
        .isEqualTo("2h1m30s+1m30s");
    assertThat(new MetricsOutage(Duration.ZERO, Duration.ofDays(1)).label()).isEqualTo("0+1d");
  }

  /** {@code cluster} with Prometheus down during {@code outages}. */
  static ClusterSpec withOutages(ClusterSpec c, List<MetricsOutage> outages) {
    return new ClusterSpec(
        c.startup(),
        c.startupJitter(),
        c.capacityPerReplica(),
        c.initialReplicas(),
        c.maxReplicas(),
        c.requestTimeout(),
        c.slo(),
        c.scrapeInterval(),
        c.seed(),
        outages);
  }
}
