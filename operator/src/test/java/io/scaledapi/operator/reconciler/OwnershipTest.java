package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who writes a workload several ScaledApis target: every one of them reaches the same answer. */
class OwnershipTest {
  static final ScaleTargetRef API = new ScaleTargetRef("apps/v1", "Deployment", "api");

  @Test
  void oldestOwnsWhateverTheOrderOfTheCache() {
    ScaledApi old = sapi("zeta", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    ScaledApi young = sapi("alpha", "2025-01-01T00:00:01Z", API, Mode.ENFORCE);
    for (List<ScaledApi> cache : List.of(List.of(old, young), List.of(young, old))) {
      assertThat(owner(young, cache)).contains("zeta");
      assertThat(owner(old, cache)).isEmpty();
    }
  }

  @Test
  void sameSecondIsDecidedByName() {
    ScaledApi a = sapi("a", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    ScaledApi b = sapi("b", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    assertThat(owner(b, List.of(a, b))).contains("a");
    assertThat(owner(a, List.of(a, b))).isEmpty();
  }

  @Test
  void defaultsNameTheSameWorkload() {
    ScaledApi old = sapi("old", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    ScaledApi young =
        sapi("young", "2025-01-02T00:00:00Z", new ScaleTargetRef(null, null, "api"), Mode.ENFORCE);
    assertThat(owner(young, List.of(old, young))).contains("old");
  }

  @Test
  void otherWorkloadsAreNoRivals() {
    ScaledApi old = sapi("old", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    for (ScaleTargetRef other :
        List.of(
            new ScaleTargetRef("apps/v1", "Deployment", "web"),
            new ScaleTargetRef("apps/v1", "StatefulSet", "api"))) {
      ScaledApi young = sapi("young", "2025-01-02T00:00:00Z", other, Mode.ENFORCE);
      assertThat(owner(young, List.of(old, young))).as("%s", other).isEmpty();
    }
  }

  @Test
  void dryRunNeitherOwnsNorIsHeld() {
    ScaledApi trial = sapi("trial", "2025-01-01T00:00:00Z", API, Mode.DRY_RUN);
    ScaledApi live = sapi("live", "2025-01-02T00:00:00Z", API, Mode.ENFORCE);
    assertThat(owner(live, List.of(trial, live))).isEmpty();
    assertThat(owner(trial, List.of(trial, live))).isEmpty();
  }

  @Test
  void oneBeingDeletedHasLetGo() {
    ScaledApi old = sapi("old", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    old.getMetadata().setDeletionTimestamp("2025-01-03T00:00:00Z");
    ScaledApi young = sapi("young", "2025-01-02T00:00:00Z", API, Mode.ENFORCE);
    assertThat(owner(young, List.of(old, young))).isEmpty();
  }

  @Test
  void messageNamesTheOwnerAndWhatToDo() {
    ScaledApi old = sapi("old", "2025-01-01T00:00:00Z", API, Mode.ENFORCE);
    assertThat(Ownership.message(old, API))
        .isEqualTo(
            "ScaledApi old already scales Deployment/api (it was created first); this one does"
                + " not write /scale, and takes over when old is deleted. Delete one of the two,"
                + " or set spec.mode to DryRun on one to only report");
  }

  static Optional<String> owner(ScaledApi self, List<ScaledApi> cache) {
    return Ownership.ownerOtherThan(self, cache).map(s -> s.getMetadata().getName());
  }

  static ScaledApi sapi(String name, String created, ScaleTargetRef ref, Mode mode) {
    ScaledApi sapi =
        TestScaledApis.scaledApi(
            "team",
            new ScaledApiSpec(
                ref,
                1,
                10,
                null,
                null,
                new QueueSpec("sum(q)", 10.0),
                null,
                null,
                null,
                null,
                null,
                null,
                mode,
                null));
    sapi.getMetadata().setName(name);
    sapi.getMetadata().setUid("uid-" + name);
    sapi.getMetadata().setCreationTimestamp(created);
    return sapi;
  }
}
