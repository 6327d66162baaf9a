package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.ReconcilerHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against hand-written fakes: when it writes {@code /scale} and when it holds, and
 * what it reports. Polls every 10 s; one replica per 10 waiting requests.
 */
class ScaledApiReconcilerTest {
  static final Duration POLL = Duration.ofSeconds(10);

  final ReconcilerHarness h = new ReconcilerHarness();

  /**
   * Edits between two polls are applied by the next poll: however many there are, {@code /scale} is
   * written at most once per polling interval.
   */
  @Test
  void burstOfEditsWritesScaleAtMostOncePerPollingInterval() {
    h.queue = 95;
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);
    assertThat(h.targets.writes).containsExactly(10);

    // three edits in three seconds, each reconciled at once as the framework does
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 4, 10));
    h.reconcile(sapi);
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(6, 8, 10));
    h.reconcile(sapi);
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(6, 20, 5));
    UpdateControl<ScaledApi> early = h.reconcile(sapi);

    assertThat(h.targets.writes)
        .as("/scale writes within one polling interval")
        .containsExactly(10);
    assertThat(early.isNoUpdate()).isTrue();
    assertThat(early.getScheduleDelay()).as("the next poll, in ms").contains(7_000L);
    assertThat(sapi.getStatus().observedGeneration()).as("edits not yet applied").isEqualTo(1);

    // the next poll applies the last spec: 95 / 5 -> 19
    h.advance(Duration.ofSeconds(7));
    h.reconcile(sapi);
    assertThat(h.targets.writes).containsExactly(10, 19);
    assertThat(sapi.getStatus().observedGeneration()).isEqualTo(4);
  }

  /** An invalid spec writes nothing, so an edit that breaks the spec is reported at once. */
  @Test
  void editThatBreaksTheSpecIsReportedAtOnce() {
    h.queue = 95;
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);

    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 0, 10));
    h.reconcile(sapi);

    Condition ready = MockCluster.condition(sapi.getStatus(), Conditions.READY);
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getObservedGeneration()).isEqualTo(2);
    assertThat(h.targets.writes).containsExactly(10);
  }

  /** A ScaledApi created with an invalid spec has not polled yet: its fix polls at once. */
  @Test
  void fixOfASpecThatNeverPolledIsAppliedAtOnce() {
    h.queue = 95;
    ScaledApi sapi = h.create("api", START, spec(1, 0, 10));
    h.reconcile(sapi);
    assertThat(MockCluster.condition(sapi.getStatus(), Conditions.READY).getReason())
        .isEqualTo("InvalidSpec");

    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 20, 10));
    h.reconcile(sapi);
    assertThat(h.targets.writes).containsExactly(10);
  }

  /**
   * The HPA check cannot tell: the ScaledApi reports what it would do, holds the replicas, and
   * warns once for the outage; once the check can tell again, it scales.
   */
  @Test
  void hpaCheckThatCannotTellHoldsTheReplicasWithOneWarning() {
    h.queue = 95;
    h.hpa = new HpaConflicts.Unknown("the operator cannot list HorizontalPodAutoscalers in team");
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    for (int poll = 0; poll < 3; poll++) {
      h.reconcile(sapi);
      h.advance(POLL);
    }

    assertThat(h.targets.writes).as("/scale writes").isEmpty();
    Condition ready = MockCluster.condition(sapi.getStatus(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("HPACheckFailed");
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot tell whether a HorizontalPodAutoscaler scales Deployment/api: the operator"
                + " cannot list HorizontalPodAutoscalers in team; holding 1 replica until it can");
    assertThat(MockCluster.condition(sapi.getStatus(), Conditions.SCALING_ACTIVE).getReason())
        .isEqualTo("HPACheckFailed");
    assertThat(sapi.getStatus().desiredReplicas()).as("what it would do").isEqualTo(10);
    assertThat(h.events).containsExactly("api Warning HPACheckFailed");

    h.hpa = new HpaConflicts.None();
    h.reconcile(sapi);
    assertThat(h.targets.writes).containsExactly(10);
    assertThat(MockCluster.condition(sapi.getStatus(), Conditions.READY).getStatus())
        .isEqualTo("True");
  }

  /**
   * Two ScaledApis on one workload: the older writes, the younger holds with one Warning naming it,
   * and takes over on its first poll after the older is deleted.
   */
  @Test
  void youngerScaledApiOnTheSameWorkloadHoldsUntilTheOlderIsGone() {
    h.queue = 95;
    ScaledApi first = h.create("api", START, spec(1, 20, 10));
    ScaledApi second = h.create("greedy", START.plusSeconds(1), spec(1, 20, 5));
    for (int poll = 0; poll < 3; poll++) {
      h.reconcile(second);
      h.reconcile(first);
      h.advance(POLL);
    }

    assertThat(h.targets.writes).containsExactly(10);
    Condition ready = MockCluster.condition(second.getStatus(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ConflictingScaledApi");
    assertThat(ready.getMessage()).startsWith("ScaledApi api already scales Deployment/api");
    assertThat(h.events)
        .containsExactly("greedy Warning ConflictingScaledApi", "api Normal Rescaled");

    h.namespace.remove(first);
    h.reconcile(second);
    assertThat(h.targets.writes).containsExactly(10, 19);
  }

  /** A ScaledApi in DryRun writes nothing: it neither owns the workload nor is held. */
  @Test
  void dryRunScaledApiReportsBesideTheOwner() {
    h.queue = 95;
    ScaledApi dryRun = h.create("trial", START, spec(1, 20, 5, Mode.DRY_RUN));
    ScaledApi owner = h.create("api", START.plusSeconds(1), spec(1, 20, 10));
    h.reconcile(dryRun);
    h.reconcile(owner);

    assertThat(h.targets.writes).containsExactly(10);
    assertThat(MockCluster.condition(dryRun.getStatus(), Conditions.SCALING_ACTIVE).getReason())
        .isEqualTo("DryRun");
  }

  /**
   * A poll that reads the same values as the last one writes no status: only sample times moved.
   */
  @Test
  void steadyPollPatchesNoStatus() {
    h.queue = 45;
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);
    h.advance(POLL);
    h.reconcile(sapi);
    String sampled = sapi.getStatus().signals().queueDepth().time();

    h.advance(POLL);
    UpdateControl<ScaledApi> steady = h.reconcile(sapi);

    assertThat(steady.isNoUpdate()).as("no status patch").isTrue();
    assertThat(steady.getScheduleDelay()).contains(POLL.toMillis());
    assertThat(sapi.getStatus().signals().queueDepth().time()).isEqualTo(sampled);
  }

  static ScaledApiSpec spec(int min, int max, double perReplica) {
    return spec(min, max, perReplica, Mode.ENFORCE);
  }

  static ScaledApiSpec spec(int min, int max, double perReplica, Mode mode) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        min,
        max,
        "10s",
        null,
        new QueueSpec("sum(q)", perReplica),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        mode,
        null);
  }
}
