package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.BaselineFixtures.create;
import static io.scaledapi.operator.sim.BaselineFixtures.knativeView;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The KPA on requests per second: 50 per replica at 0.7 utilization is 35 per pod. Each test feeds
 * one second at a time, as the autoscaler's scraper does.
 */
class KnativePolicyTest {

  static Policy kpa() {
    return create(KnativePolicy.factory(KnativeSettings.defaults()));
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
}
