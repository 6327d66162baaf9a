package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.BaselineFixtures.create;
import static io.scaledapi.operator.sim.BaselineFixtures.rate;
import static io.scaledapi.operator.sim.BaselineFixtures.replay;
import static io.scaledapi.operator.sim.BaselineFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.engine.Behavior;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The HPA baseline against its documented behaviour, one sync at a time. The cluster serves 50
 * requests per second per replica, so the AverageValue target is 0.7 x 50 = 35.
 */
class HpaPolicyTest {

  /** 700 requests per second: ceil(700 / 35) = 20 replicas. */
  static final Metrics NEEDS_20 = rate(t -> 700);

  static HpaSettings everyFiveSeconds(Optional<Behavior> behavior) {
    HpaSettings d = HpaSettings.defaults();
    return new HpaSettings(
        d.targetUtilization(),
        Duration.ofSeconds(5),
        d.rateWindow(),
        d.tolerance(),
        d.downscaleStabilization(),
        behavior,
        d.minReplicas());
  }

  @Test
  void isNamedAndSyncsEveryFifteenSeconds() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(hpa.name()).isEqualTo("hpa");
    assertThat(hpa.period()).isEqualTo(Duration.ofSeconds(15));
  }

  /**
   * A manifest without {@code behavior}, the default: the API server does not fill one in, so the
   * controller's built-in limit applies, at most max(2 x current, 4) per sync. From 1 replica with
   * a metric needing 20: 1 -> 4 -> 8 -> 16 -> 20.
   */
  @Test
  void stepWithoutBehaviorDoublesOrGoesToFour() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(replay(hpa, NEEDS_20, 1, 5)).containsExactly(4, 8, 16, 20, 20);
  }

  /**
   * With the documented default behavior written out (4 pods or 100% per 15 s, Max): per sync
   * max(current + 4, 2 x current), since the previous sync's scale event is exactly 15 s old and no
   * longer inside the period. From 1: 1 -> 5 -> 10 -> 20.
   */
  @Test
  void stepWithTheDefaultBehaviorAddsFourPodsOrDoubles() {
    Policy hpa =
        create(HpaPolicy.factory(HpaSettings.defaults().withBehavior(Behavior.defaults())));
    assertThat(replay(hpa, NEEDS_20, 1, 4)).containsExactly(5, 10, 20, 20);
  }

  /**
   * The rate policies count the scale events of the last 15 s: syncing every 5 s, the +4 at second
   * 0 keeps the period's start at 1 until it is 15 s old. The built-in rule has no memory.
   */
  @Test
  void scaleEventsInsideThePeriodHoldTheRate() {
    Policy withBehavior =
        create(HpaPolicy.factory(everyFiveSeconds(Optional.of(Behavior.defaults()))));
    assertThat(replay(withBehavior, NEEDS_20, 1, 7)).containsExactly(5, 5, 5, 10, 10, 10, 20);
    Policy builtIn = create(HpaPolicy.factory(everyFiveSeconds(Optional.empty())));
    assertThat(replay(builtIn, NEEDS_20, 1, 5)).containsExactly(4, 8, 16, 20, 20);
  }

  @Test
  void noChangeWithinTheTolerance() {
    // 10 replicas x 35 x 1.1 = 385: the usage ratio is exactly 1.1.
    Policy within = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(within.decide(view(0, 10, rate(t -> 385)))).isEqualTo(10);
    // One milli-request more and the HPA asks for ceil(385.001 / 35) = 12.
    Policy beyond = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(beyond.decide(view(0, 10, rate(t -> 385.001)))).isEqualTo(12);
  }

  /**
   * From 10 replicas, the load drops at second 1 to what 2 need. The highest recommendation of the
   * last 300 s (the 10 of second 0) holds the count. Without a behavior field a recommendation
   * exactly 300 s old still counts, so the drop comes at 315 s; with the behavior's window it must
   * be strictly younger, so at 300 s.
   */
  @Test
  void scaleDownWaitsForTheStabilizationWindow() {
    Metrics drop = rate(t -> t == 0 ? 350 : 70);
    List<Integer> builtIn = replay(create(HpaPolicy.factory(HpaSettings.defaults())), drop, 10, 23);
    assertThat(builtIn.subList(0, 21)).containsOnly(10); // seconds 0 to 300
    assertThat(builtIn.subList(21, 23)).containsOnly(2); // 315 and 330: no rate limit
    HpaSettings behavior = HpaSettings.defaults().withBehavior(Behavior.defaults());
    List<Integer> withBehavior = replay(create(HpaPolicy.factory(behavior)), drop, 10, 22);
    assertThat(withBehavior.subList(0, 20)).containsOnly(10); // seconds 0 to 285
    assertThat(withBehavior.get(20)).isEqualTo(2); // 300
  }

  /**
   * The first sync remembers the count it found as a recommendation: from 10 replicas, a load that
   * needs 2 from the very first sync still waits out the window.
   */
  @Test
  void theFirstSyncRemembersTheCurrentCount() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    List<Integer> answers = replay(hpa, rate(t -> 70), 10, 22);
    assertThat(answers.subList(0, 21)).containsOnly(10); // seconds 0 to 300
    assertThat(answers.get(21)).isEqualTo(2); // 315
  }

  @Test
  void noMetricHoldsTheReplicas() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(replay(hpa, rate(t -> Double.NaN), 7, 40)).containsOnly(7);
  }

  /**
   * A sync without a metric records no recommendation: after 400 s without one, the 10 of second 0
   * has left the window and a load needing 2 scales down at once.
   */
  @Test
  void syncsWithoutAMetricLeaveNoRecommendation() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    Metrics gap = rate(t -> t == 0 ? 350 : t < 405 ? Double.NaN : 70);
    List<Integer> answers = replay(hpa, gap, 10, 28);
    assertThat(answers.subList(0, 27)).containsOnly(10); // seconds 0 to 390
    assertThat(answers.get(27)).isEqualTo(2); // 405
  }

  @Test
  void aCountAboveMaxReplicasGoesToMaxWithoutAMetric() {
    Policy hpa = create(HpaPolicy.factory(HpaSettings.defaults()));
    assertThat(hpa.decide(view(0, 120, rate(t -> Double.NaN)))).isEqualTo(100);
  }

  @Test
  void theAdapterTruncatesToMilliUnitsAndServesNothingForNoSample() {
    assertThat(HpaPolicy.adapterValue(385.0006)).hasValue(385000);
    assertThat(HpaPolicy.adapterValue(-1)).hasValue(0);
    assertThat(HpaPolicy.adapterValue(Double.NaN)).isEmpty();
  }
}
