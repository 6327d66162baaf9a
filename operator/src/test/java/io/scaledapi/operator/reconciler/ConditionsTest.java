package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = T0.plusSeconds(60);

  @Test
  void transitionTimeMovesOnlyWhenStatusChanges() {
    List<Condition> first =
        Conditions.merge(
            List.of(),
            List.of(new Conditions.Wanted(Conditions.READY, true, "Reconciled", "ok")),
            T0,
            1L);
    List<Condition> sameStatus =
        Conditions.merge(
            first,
            List.of(new Conditions.Wanted(Conditions.READY, true, "Reconciled", "still ok")),
            T1,
            2L);
    List<Condition> flipped =
        Conditions.merge(
            sameStatus,
            List.of(new Conditions.Wanted(Conditions.READY, false, "TargetNotFound", "gone")),
            T1,
            2L);
    assertThat(first.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(sameStatus.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(sameStatus.get(0).getMessage()).isEqualTo("still ok");
    assertThat(sameStatus.get(0).getObservedGeneration()).isEqualTo(2L);
    assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:01:00Z");
    assertThat(flipped.get(0).getStatus()).isEqualTo("False");
  }

  @Test
  void conditionsComeInAFixedOrder() {
    List<Condition> merged =
        Conditions.merge(
            List.of(),
            List.of(
                new Conditions.Wanted(Conditions.SCALING_LIMITED, false, "DesiredWithinRange", ""),
                new Conditions.Wanted(Conditions.READY, true, "Reconciled", ""),
                new Conditions.Wanted(Conditions.METRICS_AVAILABLE, true, "MetricsRead", "")),
            T0,
            1L);
    assertThat(merged)
        .extracting(Condition::getType)
        .containsExactly("Ready", "MetricsAvailable", "ScalingLimited");
    assertThat(Conditions.has(merged, "Ready", true, "Reconciled")).isTrue();
    assertThat(Conditions.has(merged, "Ready", false, null)).isFalse();
  }
}
