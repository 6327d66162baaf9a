package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's example manifest is a valid ScaledApi that the operator can act on. */
class ExampleManifestTest {

  @Test
  void exampleParsesValidatesAndMapsOntoTheEngine() throws IOException {
    ScaledApi sapi;
    try (InputStream in = Files.newInputStream(Path.of("../examples/scaledapi.yaml"))) {
      sapi = Serialization.unmarshal(in, ScaledApi.class);
    }
    assertThat(SpecValidator.problems(sapi.getSpec())).isEmpty();
    assertThat(sapi.getSpec().modeOrDefault()).isEqualTo(Mode.ENFORCE);
    assertThat(SpecValidator.pollingInterval(sapi.getSpec())).isEqualTo(Duration.ofSeconds(15));
    ScalingSpec engine = EngineSpecs.from(sapi.getSpec());
    assertThat(engine.minReplicas()).isEqualTo(2);
    assertThat(engine.maxReplicas()).isEqualTo(30);
    assertThat(engine.queueTargetPerReplica()).isEqualTo(10.0);
    assertThat(engine.latencyTargetSeconds().getAsDouble()).isEqualTo(0.25);
    assertThat(engine.behavior().scaleDown().stabilizationWindow())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(engine.behavior().scaleDown().policies()).hasSize(1);
    // scale-up was left out: the HPA's defaults apply
    assertThat(engine.behavior().scaleUp())
        .isEqualTo(io.scaledapi.operator.engine.ScalingRules.defaultScaleUp());
    assertThat(engine.fallback().replicas().getAsInt()).isEqualTo(6);
    PredictionSettings prediction = PredictionSettings.of(sapi.getSpec()).orElseThrow();
    assertThat(prediction.leadTime()).as("leadTime auto").isEmpty();
    assertThat(prediction.capacityPerReplica()).as("capacityPerReplica auto").isEmpty();
    assertThat(prediction.training().history()).isEqualTo(Duration.ofDays(7));
    assertThat(prediction.enforce()).isTrue();
  }

  @Test
  void theSimulatorsReactiveOnlySpecIsValidAndHasNoPrediction() throws IOException {
    ScaledApi sapi;
    try (InputStream in =
        Files.newInputStream(Path.of("../examples/simulate/reactive-only.yaml"))) {
      sapi = Serialization.unmarshal(in, ScaledApi.class);
    }
    assertThat(SpecValidator.problems(sapi.getSpec())).isEmpty();
    assertThat(PredictionSettings.of(sapi.getSpec())).isEmpty();
    assertThat(EngineSpecs.from(sapi.getSpec()).queueTargetPerReplica()).isEqualTo(35.0);
  }

  /**
   * The examples' queries name no namespace, so one file works in whatever namespace it is applied
   * to: namespace isolation (the Helm chart's default) adds that namespace to every selector.
   */
  @ParameterizedTest
  @CsvSource({
    "../examples/scaledapi.yaml, shop",
    "../examples/scaledapi.yaml, payments",
    "../examples/manifests/scaledapi.yaml, demo",
    "../examples/manifests/scaledapi.yaml, default"
  })
  void exampleQueriesAreConfinedToTheNamespaceTheyAreAppliedTo(String file, String namespace)
      throws IOException {
    ScaledApi sapi;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      sapi = Serialization.unmarshal(in, ScaledApi.class);
    }
    NamespaceIsolation isolation = new NamespaceIsolation("namespace");
    assertThat(SpecQueries.of(sapi.getSpec())).hasSize(3);
    SpecQueries.of(sapi.getSpec())
        .forEach(
            (field, query) -> {
              assertThat(query).as(field).doesNotContain("namespace");
              assertThat(isolation.rewrite(query, namespace))
                  .as(field)
                  .contains("namespace=\"" + namespace + "\"");
            });
  }
}
