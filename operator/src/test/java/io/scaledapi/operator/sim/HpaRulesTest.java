package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.ScaleEvent;
import io.scaledapi.operator.engine.ScalingPolicy;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.SelectPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HPA's stateless rules, one table per rule. */
class HpaRulesTest {

  static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
  static final Duration P15 = Duration.ofSeconds(15);

  @ParameterizedTest(name = "usage {0}m, target {1}m, {2} replicas -> {3}")
  @CsvSource({
    "385000, 35000, 10, 10", // ratio exactly 1.1: within tolerance
    "385001, 35000, 10, 12", // just above: ceil(usage / target), not current x ratio
    "315000, 35000, 10, 10", // ratio exactly 0.9: within
    "314999, 35000, 10, 9",
    "700000, 35000, 1, 20",
    "0, 35000, 3, 0",
    "70000, 35000, 0, 2" // from zero there is no ratio to be within
  })
  void perPodReplicas(long usage, long target, int replicas, int expected) {
    assertThat(HpaRules.perPodReplicas(usage, target, replicas, 0.1)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> at most {1}")
  @CsvSource({"0, 4", "1, 4", "2, 4", "3, 6", "10, 20", "1500000000, 2147483647"})
  void builtInScaleUpLimit(int current, int expected) {
    assertThat(HpaRules.builtInScaleUpLimit(current)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1} within [{2}, {3}] gives {4}")
  @CsvSource({
    "1, 20, 1, 100, 4",
    "8, 20, 1, 100, 16",
    "16, 20, 1, 100, 20",
    "60, 200, 1, 100, 100",
    "10, 3, 1, 100, 3", // no scale-down rate limit without a behavior field
    "10, 0, 2, 100, 2"
  })
  void builtInLimits(int current, int desired, int min, int max, int expected) {
    assertThat(HpaRules.builtInLimits(current, desired, min, max)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "event {0}s ago counts in a 15 s period: {1}")
  @CsvSource({"0, 3", "14, 3", "15, 0", "16, 0"})
  void changedWithinCountsEventsStrictlyInsideThePeriod(long ago, long expected) {
    List<ScaleEvent> events = List.of(new ScaleEvent(NOW.minusSeconds(ago), 3));
    assertThat(HpaRules.changedWithin(events, NOW, P15)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "current {0}, +{1} {2}s ago -> {3}")
  @CsvSource({
    "1, 0, 0, 5", // max(1 + 4, 2 x 1)
    "5, 4, 5, 5", // the period started at 1
    "5, 4, 15, 10", // the event has left the period
    "10, 0, 0, 20",
    "10, 5, 3, 10"
  })
  void defaultScaleUpLimit(int current, int added, long ago, int expected) {
    List<ScaleEvent> up =
        added == 0 ? List.of() : List.of(new ScaleEvent(NOW.minusSeconds(ago), added));
    assertThat(HpaRules.scaleUpLimit(NOW, current, up, List.of(), ScalingRules.defaultScaleUp()))
        .isEqualTo(expected);
  }

  @Test
  void selectPolicyMinTakesTheSmallerRiseAndDisabledNone() {
    List<ScalingPolicy> policies =
        List.of(ScalingPolicy.pods(4, P15), ScalingPolicy.percent(100, P15));
    ScalingRules min = new ScalingRules(Duration.ZERO, policies, SelectPolicy.MIN);
    ScalingRules disabled = new ScalingRules(Duration.ZERO, policies, SelectPolicy.DISABLED);
    assertThat(HpaRules.scaleUpLimit(NOW, 1, List.of(), List.of(), min)).isEqualTo(2);
    assertThat(HpaRules.scaleUpLimit(NOW, 10, List.of(), List.of(), min)).isEqualTo(14);
    assertThat(HpaRules.scaleUpLimit(NOW, 10, List.of(), List.of(), disabled)).isEqualTo(10);
  }

  @Test
  void scaleDownLimitTruncatesPercentAndCountsRemovedPods() {
    assertThat(
            HpaRules.scaleDownLimit(NOW, 7, List.of(), List.of(), ScalingRules.defaultScaleDown()))
        .isZero();
    ScalingRules half =
        new ScalingRules(Duration.ZERO, List.of(ScalingPolicy.percent(50, P15)), SelectPolicy.MAX);
    assertThat(HpaRules.scaleDownLimit(NOW, 5, List.of(), List.of(), half)).isEqualTo(2);
    ScalingRules twoPerMinute =
        new ScalingRules(
            Duration.ZERO,
            List.of(ScalingPolicy.pods(2, Duration.ofSeconds(60))),
            SelectPolicy.MAX);
    List<ScaleEvent> removed = List.of(new ScaleEvent(NOW.minusSeconds(30), 2));
    assertThat(HpaRules.scaleDownLimit(NOW, 8, List.of(), removed, twoPerMinute)).isEqualTo(8);
  }

  @Test
  void behaviorLimitsCapRisesAndFloorFalls() {
    HpaRules.ReplicaRange bounds = new HpaRules.ReplicaRange(2, 12);
    Behavior defaults = Behavior.defaults();
    assertThat(HpaRules.behaviorLimits(NOW, 1, 20, bounds, List.of(), List.of(), defaults))
        .isEqualTo(5);
    assertThat(HpaRules.behaviorLimits(NOW, 8, 20, bounds, List.of(), List.of(), defaults))
        .isEqualTo(12);
    assertThat(HpaRules.behaviorLimits(NOW, 8, 0, bounds, List.of(), List.of(), defaults))
        .isEqualTo(2);
    assertThat(HpaRules.behaviorLimits(NOW, 8, 8, bounds, List.of(), List.of(), defaults))
        .isEqualTo(8);
    assertThatThrownBy(() -> new HpaRules.ReplicaRange(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
