package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.sim.BuiltInWorkloads;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.OursPolicy;
import io.scaledapi.operator.sim.Progress;
import io.scaledapi.operator.sim.Simulator;
import io.scaledapi.operator.sim.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names users type for policies. */
class PolicyCatalogTest {

  @Test
  void everyNameHasAFactory() {
    assertThat(PolicyCatalog.NAMES).containsExactly("ours", "hpa", "keda", "knative", "oracle");
    assertThat(PolicyCatalog.factories(PolicyCatalog.NAMES, Optional.empty()))
        .hasSize(5)
        .doesNotContainNull();
  }

  @Test
  void namesAreTrimmedAndCaseInsensitiveAndKeepTheirOrder() {
    assertThat(PolicyCatalog.parse(List.of(" Oracle", "HPA "))).containsExactly("oracle", "hpa");
  }

  @Test
  void unknownEmptyAndRepeatedNamesAreRefusedWithTheChoice() {
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of("ours", "vpa")))
        .hasMessage(
            "--policies: unknown policy 'vpa'; choose from ours, hpa, keda, knative, oracle,"
                + " comma-separated");
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of("hpa", "ours", "hpa")))
        .hasMessage("--policies names hpa twice; name it once");
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of()))
        .hasMessageStartingWith("--policies is empty; choose from ours");
  }

  static final Workload STEP = BuiltInWorkloads.named("step", 1, 1);
  static final ClusterSpec CLUSTER =
      new ClusterSpec(
          Duration.ofSeconds(30),
          Duration.ZERO,
          10,
          2,
          100,
          Optional.of(Duration.ofSeconds(30)),
          Duration.ofMillis(250),
          Duration.ofSeconds(15),
          1);

  static double replicaSeconds(String name, PolicyCatalog.Tuning tuning) {
    return Simulator.run(
            STEP,
            CLUSTER,
            List.of(PolicyCatalog.factory(name, Optional.empty(), tuning)),
            Progress.none())
        .results()
        .get(0)
        .replicaSeconds();
  }

  static PolicyCatalog.Tuning everyTarget(double share) {
    return new PolicyCatalog.Tuning(
        share, share, share, OptionalDouble.of(share), OptionalDouble.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ours", "hpa", "keda", "knative"})
  void eachKnobReachesItsPolicy(String name) {
    // half the load per replica needs about twice the replicas once the step has come
    double low = replicaSeconds(name, everyTarget(0.35));
    double high = replicaSeconds(name, everyTarget(0.7));

    assertThat(low / high).isBetween(1.4, 2.1);
  }

  @Test
  void theDefaultTuningIsEachSystemsDefault() {
    PolicyCatalog.Tuning defaults = PolicyCatalog.Tuning.defaults();

    assertThat(defaults.oursTuned()).isFalse();
    for (String name : List.of("ours", "hpa", "keda", "knative", "oracle")) {
      assertThat(replicaSeconds(name, defaults))
          .as(name)
          .isEqualTo(
              Simulator.run(
                      STEP,
                      CLUSTER,
                      List.of(PolicyCatalog.factory(name, Optional.empty())),
                      Progress.none())
                  .results()
                  .get(0)
                  .replicaSeconds());
    }
    assertThat(replicaSeconds("ours", everyTarget(0.7)))
        .isEqualTo(replicaSeconds("ours", defaults));
  }

  @Test
  void oursIsTunedOrGivenASpecNotBoth() {
    PolicyCatalog.Tuning tuned =
        new PolicyCatalog.Tuning(0.7, 0.7, 0.7, OptionalDouble.empty(), OptionalDouble.of(0.97));
    Optional<ScaledApiSpec> spec = Optional.of(OursPolicy.defaultSpec(CLUSTER));

    assertThatThrownBy(() -> PolicyCatalog.factory("ours", spec, tuned))
        .hasMessageContaining("not both");
    assertThat(PolicyCatalog.factory("hpa", spec, tuned)).isNotNull();
  }
}
