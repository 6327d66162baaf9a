package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.engine.ScalingHistory;
import io.scaledapi.operator.engine.TimedRecommendation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingStatesTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void unknownScaledApiStartsAsIfItsCurrentReplicasWereRecommendedNow() {
    ScalingHistory seeded = new ScalingStates().get(scaledApi("a", null), 7, NOW);

    assertThat(seeded.recommendations()).containsExactly(new TimedRecommendation(NOW, 7));
    assertThat(seeded.scaleUpEvents()).isEmpty();
    assertThat(seeded.scaleDownEvents()).isEmpty();
    assertThat(seeded.consecutiveFailures()).isZero();
  }

  @Test
  void seedKeepsTheFailureCountFromStatus() {
    ScaledApiStatus status = new ScaledApiStatus(1L, 3, 3, null, null, null, null, 4, List.of());

    assertThat(new ScalingStates().get(scaledApi("a", status), 3, NOW).consecutiveFailures())
        .isEqualTo(4);
  }

  @Test
  void knownHistoryIsReturnedUntilForgotten() {
    ScalingStates states = new ScalingStates();
    ScaledApi api = scaledApi("a", null);
    ScalingHistory known = ScalingHistory.empty().withScaleEvent(NOW, 1, 5);
    states.put(api, known);

    assertThat(states.get(api, 5, NOW.plusSeconds(10))).isEqualTo(known);
    assertThat(states.get(scaledApi("b", null), 2, NOW).recommendations())
        .as("another ScaledApi")
        .containsExactly(new TimedRecommendation(NOW, 2));

    states.forget(api);
    assertThat(states.get(api, 5, NOW.plusSeconds(10)).recommendations())
        .containsExactly(new TimedRecommendation(NOW.plusSeconds(10), 5));
  }

  @Test
  void lastScaleIsUnreportedUntilStatusShowsIt() {
    ScalingStates states = new ScalingStates();
    Instant at = NOW.plusMillis(700);
    states.scaled(scaledApi("a", null), at, "1 -> 5: queue depth 45");
    ScalingStates.LastScale last = new ScalingStates.LastScale(at, "1 -> 5: queue depth 45");

    assertThat(states.unreported(scaledApi("a", null))).contains(last);
    assertThat(states.unreported(scaledApi("a", scaledAt("2024-12-31T23:59:00Z")))).contains(last);
    assertThat(states.unreported(scaledApi("b", null))).as("another ScaledApi").isEmpty();
    // status carries whole seconds
    assertThat(states.unreported(scaledApi("a", scaledAt("2025-01-01T00:00:00Z")))).isEmpty();
    assertThat(states.unreported(scaledApi("a", null))).as("dropped once shown").isEmpty();

    states.scaled(scaledApi("a", null), at, "1 -> 5: queue depth 45");
    states.forget(scaledApi("a", null));
    assertThat(states.unreported(scaledApi("a", null))).isEmpty();
  }

  static ScaledApiStatus scaledAt(String lastScaleTime) {
    return new ScaledApiStatus(1L, 5, 5, lastScaleTime, "earlier", null, null, 0, List.of());
  }

  static ScaledApi scaledApi(String uid, ScaledApiStatus status) {
    ScaledApi api = TestScaledApis.scaledApi("ns", TestScaledApis.minimalSpec(null));
    api.getMetadata().setUid(uid);
    api.setStatus(status);
    return api;
  }
}
