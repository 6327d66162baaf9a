package io.scaledapi.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.engine.Tolerance;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    ScaledApiSettings settings = valid(sapi);
    assertThat(sapi.getSpec().modeOrDefault()).isEqualTo(Mode.ENFORCE);
    assertThat(settings.pollingInterval()).isEqualTo(Duration.ofSeconds(15));
    ScalingSpec engine = settings.scaling();
    assertThat(engine.minReplicas()).isEqualTo(2);
    assertThat(engine.maxReplicas()).isEqualTo(30);
    assertThat(engine.queueTargetPerReplica()).isEqualTo(10.0);
    assertThat(engine.latencyTargetSeconds().getAsDouble()).isEqualTo(0.25);
    assertThat(engine.behavior().scaleDown().stabilizationWindow())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(engine.behavior().scaleDown().policies()).hasSize(1);
    assertThat(engine.tolerance()).isEqualTo(new Tolerance(0.05, 0.1));
    // scale-up sets only its tolerance: the HPA's defaults apply to the rest
    assertThat(engine.behavior().scaleUp())
        .isEqualTo(io.scaledapi.operator.engine.ScalingRules.defaultScaleUp());
    assertThat(engine.fallback().orElseThrow().replicas().getAsInt()).isEqualTo(6);
    PredictionSettings prediction = settings.prediction().orElseThrow();
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
    ScaledApiSettings settings = valid(sapi);
    assertThat(settings.prediction()).isEmpty();
    assertThat(settings.scaling().queueTargetPerReplica()).isEqualTo(35.0);
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
    SignalQueries written = valid(sapi).queries();
    ParsedSpec confined =
        new SpecParser(Optional.of(new NamespaceIsolation("namespace")))
            .parse(sapi.getSpec(), namespace);
    SignalQueries sent = ((ParsedSpec.Valid) confined).settings().queries();
    List<String> asWritten =
        List.of(
            written.queue(), written.latency().orElseThrow(), written.arrivalRate().orElseThrow());
    List<String> asSent =
        List.of(sent.queue(), sent.latency().orElseThrow(), sent.arrivalRate().orElseThrow());
    assertThat(asWritten).allSatisfy(query -> assertThat(query).doesNotContain("namespace"));
    assertThat(asSent)
        .allSatisfy(query -> assertThat(query).contains("namespace=\"" + namespace + "\""));
  }

  static ScaledApiSettings valid(ScaledApi sapi) {
    ParsedSpec parsed = SpecParser.parse(sapi.getSpec());
    assertThat(parsed.problems()).isEmpty();
    return ((ParsedSpec.Valid) parsed).settings();
  }
}
