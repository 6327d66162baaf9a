package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The operator as a simulator policy: the engine and forecaster on scraped metrics. */
class OursPolicyTest {
  static final Instant START = BaselineFixtures.START;
  static final ClusterSpec CLUSTER = BaselineFixtures.CLUSTER;
  static final Workload WORKLOAD = BaselineFixtures.WORKLOAD;

  static View view(long t, int spec, int ready, Metrics metrics) {
    return new View(t, START.plusSeconds(t), spec, ready, metrics, 0, 0);
  }

  /** The default spec with {@code prediction}. */
  static ScaledApiSpec withPrediction(PredictionSpec prediction) {
    return OursPolicy.defaultSpec(CLUSTER).withPrediction(prediction);
  }

  @Test
  void scalesOnTheScrapedQueueAsTheEngineDoes() {
    Policy ours = OursPolicy.factory(Optional.of(withPrediction(null))).create(WORKLOAD, CLUSTER);
    assertThat(ours.name()).isEqualTo("ours");
    assertThat(ours.period()).isEqualTo(Duration.ofSeconds(15));
    // 350 waiting at a target of 35 (70% of 50) per replica: 10 replicas, reached in two steps of
    // the HPA's default scale-up policy (+4 pods or +100% per 15 s)
    Metrics queue350 = new BaselineFixtures.FakeMetrics(t -> 100, t -> 350);
    assertThat(ours.decide(view(0, 1, 1, queue350))).isEqualTo(5);
    assertThat(ours.decide(view(15, 5, 1, queue350))).isEqualTo(10);
  }

  @Test
  void withoutScrapesItHolds() {
    Policy ours = OursPolicy.factory(Optional.empty()).create(WORKLOAD, CLUSTER);
    Metrics none = new BaselineFixtures.FakeMetrics(t -> Double.NaN, t -> Double.NaN);
    assertThat(ours.decide(view(0, 3, 3, none))).isEqualTo(3);
  }

  @Test
  void preScalesForARiseItHasSeenEveryDay() {
    PredictionSpec p =
        new PredictionSpec(
            true, "10m", "7d", "24h", 0.9, new IntOrString(50), PredictionMode.ENFORCE);
    Policy ours = OursPolicy.factory(Optional.of(withPrediction(p))).create(WORKLOAD, CLUSTER);
    long rise = 8 * 3600;
    LongToDoubleFunction daily =
        t -> (t % 86_400) >= rise && (t % 86_400) < rise + 4 * 3600 ? 2000 : 100;
    Metrics m = new BaselineFixtures.FakeMetrics(daily, t -> 0);
    int replicas = 2;
    long beforeRise = 3 * 86_400 + rise - 300;
    for (long t = 0; t < beforeRise; t += 15) {
      replicas = ours.decide(view(t, replicas, replicas, m));
    }
    // five minutes before the fourth morning's twentyfold step, with an empty queue and 100 req/s
    // (2 replicas' worth), it already asks for several times that; the 15-minute profile slots
    // blur a step this sharp, so not for all 40 replicas the step will need
    assertThat(replicas).isGreaterThanOrEqualTo(8);
  }

  @Test
  void anInvalidSpecIsRejectedWithTheProblems() {
    ScaledApiSpec d = OursPolicy.defaultSpec(CLUSTER);
    ScaledApiSpec bad =
        new ScaledApiSpec(
            d.scaleTargetRef(),
            5,
            3,
            "15s",
            null,
            d.queue(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> OursPolicy.factory(Optional.of(bad)).create(WORKLOAD, CLUSTER))
        .hasMessageContaining(
            "spec.minReplicas (5) must be less than or equal to spec.maxReplicas (3)");
  }
}
