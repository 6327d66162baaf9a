package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.BaselineFixtures.create;
import static io.scaledapi.operator.sim.BaselineFixtures.rate;
import static io.scaledapi.operator.sim.BaselineFixtures.replay;
import static io.scaledapi.operator.sim.BaselineFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KEDA's Prometheus scaler in front of an HPA: where it differs from the adapter's HPA. */
class KedaPolicyTest {

  /** A load that rises and falls in whole requests per second, needing 1 to 23 replicas. */
  static final Metrics WAVES = rate(t -> 35 + 40 * ((t / 120) % 20));

  static KedaSettings polling(Duration interval) {
    KedaSettings d = KedaSettings.defaults();
    return new KedaSettings(d.hpa(), interval, d.useCachedMetrics(), d.ignoreNullValues());
  }

  @Test
  void isNamedAndAnsweredAtTheHpaSyncPeriod() {
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    assertThat(keda.name()).isEqualTo("keda");
    assertThat(keda.period()).isEqualTo(Duration.ofSeconds(15));
  }

  /** KEDA creates its HPA without a behavior field: the same 1 -> 4 -> 8 -> 16 -> 20. */
  @Test
  void stepIsTheHpasBuiltInSequence() {
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    assertThat(replay(keda, rate(t -> 700), 1, 5)).containsExactly(4, 8, 16, 20, 20);
  }

  /**
   * The metrics server queries Prometheus on every HPA request unless metrics are cached, so the
   * polling interval changes no decision: KEDA at 30 s, at 300 s and the HPA all agree.
   */
  @Test
  void withoutTheCacheThePollingIntervalChangesNothing() {
    List<Integer> hpa = replay(create(HpaPolicy.factory(HpaSettings.defaults())), WAVES, 1, 200);
    List<Integer> keda30 =
        replay(create(KedaPolicy.factory(KedaSettings.defaults())), WAVES, 1, 200);
    List<Integer> keda300 =
        replay(create(KedaPolicy.factory(polling(Duration.ofSeconds(300)))), WAVES, 1, 200);
    assertThat(hpa).contains(1, 23); // the load does vary
    assertThat(keda30).isEqualTo(hpa);
    assertThat(keda300).isEqualTo(hpa);
  }

  /**
   * With {@code useCachedMetrics} the HPA sees the value of KEDA's last poll: a rise at second 35
   * reaches the sync of second 45 directly, but through the cache only at the poll of second 60.
   */
  @Test
  void cachedMetricsLagUpToOnePollingInterval() {
    Metrics rise = rate(t -> t < 35 ? 35 : 700);
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
    Metrics none = rate(t -> Double.NaN);
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
    Metrics edge = rate(t -> 385.0006); // 10 replicas x 35 x 1.1 = 385
    Policy keda = create(KedaPolicy.factory(KedaSettings.defaults()));
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(keda.decide(view(0, 10, edge))).isEqualTo(12);
    assertThat(hpa.decide(view(0, 10, edge))).isEqualTo(10);
  }
}
