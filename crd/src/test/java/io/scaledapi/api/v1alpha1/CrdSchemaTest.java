package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the generated schema makes the API server reject before the operator sees it. */
class CrdSchemaTest {
  static CustomResourceDefinition crd;
  static JSONSchemaProps spec;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = Files.newInputStream(GeneratedCrdMatchesHelmChartTest.GENERATED)) {
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    spec = version().getSchema().getOpenAPIV3Schema().getProperties().get("spec");
  }

  static CustomResourceDefinitionVersion version() {
    return crd.getSpec().getVersions().get(0);
  }

  @Test
  void namesMatchTheApi() {
    assertThat(crd.getSpec().getGroup()).isEqualTo("autoscaling.scaledapi.io");
    assertThat(version().getName()).isEqualTo("v1alpha1");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("ScaledApi");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("scaledapis");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("sapi");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(version().getSubresources().getStatus()).isNotNull();
  }

  @Test
  void requiredFieldsAndDefaults() {
    assertThat(spec.getRequired())
        .containsExactlyInAnyOrder("scaleTargetRef", "maxReplicas", "queue");
    Map<String, JSONSchemaProps> p = spec.getProperties();
    assertThat(p.get("minReplicas").getDefault().asInt()).isEqualTo(1);
    assertThat(p.get("minReplicas").getMinimum()).isEqualTo(1.0);
    assertThat(p.get("pollingInterval").getDefault().asText()).isEqualTo("15s");
    assertThat(p.get("pollingInterval").getPattern()).isEqualTo(Durations.PATTERN);
    assertThat(p.get("queue").getRequired()).containsExactlyInAnyOrder("query", "targetPerReplica");
    assertThat(p.get("queue").getProperties().get("targetPerReplica").getExclusiveMinimum())
        .isTrue();
    assertThat(p.get("scaleTargetRef").getProperties().get("kind").getDefault().asText())
        .isEqualTo("Deployment");
    assertThat(p.get("scaleTargetRef").getProperties().get("apiVersion").getDefault().asText())
        .isEqualTo("apps/v1");
  }

  @Test
  void enumsSpellTheWireNames() {
    Map<String, JSONSchemaProps> p = spec.getProperties();
    assertThat(p.get("mode").getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("Enforce", "DryRun");
    JSONSchemaProps up = p.get("behavior").getProperties().get("scaleUp");
    assertThat(up.getProperties().get("selectPolicy").getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("Max", "Min", "Disabled");
    assertThat(
            up.getProperties()
                .get("policies")
                .getItems()
                .getSchema()
                .getProperties()
                .get("type")
                .getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("Pods", "Percent");
  }

  @Test
  void celRulesGuardWhatRangesCannot() {
    List<String> rules =
        spec.getXKubernetesValidations().stream().map(ValidationRule::getRule).toList();
    assertThat(rules).contains("!has(self.minReplicas) || self.minReplicas <= self.maxReplicas");
    assertThat(rules)
        .anySatisfy(
            r -> assertThat(r).contains("duration(self.pollingInterval) >= duration('1s')"));
    // each rule appears once: a rule on a record component must not be emitted twice
    assertThat(rules).doesNotHaveDuplicates();
  }

  @Test
  void printerColumnsMakeADashboard() {
    assertThat(version().getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactlyInAnyOrder(
            "Target", "Min", "Max", "Replicas", "Desired", "Queue", "Forecast", "Mode", "Age");
  }

  @Test
  void targetUtilizationIsAShareAboveZeroAndAtMostOne() {
    JSONSchemaProps utilization = spec.getProperties().get("targetUtilization");
    assertThat(utilization.getDefault().asDouble()).isEqualTo(0.7);
    assertThat(utilization.getMinimum()).isEqualTo(0.0);
    assertThat(utilization.getExclusiveMinimum()).isTrue();
    assertThat(utilization.getMaximum()).isEqualTo(1.0);
    assertThat(spec.getProperties().get("servedRate").getRequired()).containsExactly("query");
  }

  @Test
  void predictionHasDefaultsPatternsAndRules() {
    JSONSchemaProps prediction = spec.getProperties().get("prediction");
    Map<String, JSONSchemaProps> p = prediction.getProperties();
    assertThat(p.get("enabled").getDefault().asBoolean()).isTrue();
    assertThat(p.get("leadTime").getDefault().asText()).isEqualTo("auto");
    assertThat("auto").matches(p.get("leadTime").getPattern());
    assertThat("1m30s").matches(p.get("leadTime").getPattern());
    assertThat("soon").doesNotMatch(p.get("leadTime").getPattern());
    assertThat(p.get("history").getDefault().asText()).isEqualTo("7d");
    assertThat("7d").matches(p.get("history").getPattern());
    assertThat(p.get("seasonLength").getDefault().asText()).isEqualTo("24h");
    assertThat(p.get("confidence").getDefault().asDouble()).isEqualTo(0.9);
    assertThat(p.get("capacityPerReplica").getXKubernetesIntOrString()).isTrue();
    assertThat(p.get("mode").getEnum())
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("Enforce", "ForecastOnly");
    assertThat(prediction.getXKubernetesValidations())
        .extracting(ValidationRule::getFieldPath)
        .containsExactlyInAnyOrder(".leadTime", ".capacityPerReplica", ".confidence");
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getRule)
        .contains("!has(self.prediction) || has(self.arrivalRate)");
  }

  @Test
  void replicaCountsStopAtTheProductLimit() {
    Map<String, JSONSchemaProps> p = spec.getProperties();
    Map<String, JSONSchemaProps> fallback = p.get("fallback").getProperties();
    assertThat(p.get("minReplicas").getMaximum()).isEqualTo(100_000.0);
    assertThat(p.get("maxReplicas").getMaximum()).isEqualTo(100_000.0);
    assertThat(fallback.get("replicas").getMaximum()).isEqualTo(100_000.0);
    assertThat(fallback.get("failureThreshold").getMaximum()).isEqualTo(10_000.0);
  }

  /**
   * Every integer of the API, spec and status, declares the format of its Java type and a maximum
   * that type holds, so that no value the API server stores is one the operator cannot read.
   */
  @Test
  void everyIntegerHasTheFormatOfItsJavaTypeAndAMaximumItHolds() {
    JSONSchemaProps root = version().getSchema().getOpenAPIV3Schema();
    List<String> integers = new java.util.ArrayList<>();
    IntegerFields.check("spec", root.getProperties().get("spec"), ScaledApiSpec.class, integers);
    IntegerFields.check(
        "status", root.getProperties().get("status"), ScaledApiStatus.class, integers);
    assertThat(integers)
        .contains(
            "spec.maxReplicas",
            "spec.fallback.failureThreshold",
            "spec.behavior.scaleUp.policies[].value",
            "status.observedGeneration",
            "status.forecast.replicas");
  }

  @Test
  void longDurationsTakeDaysAndWeeks() {
    assertThat(Durations.parseLong("7d").toHours()).isEqualTo(168);
    assertThat(Durations.parseLong("2w").toDays()).isEqualTo(14);
    assertThat(Durations.parseLong("1d12h").toHours()).isEqualTo(36);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("7d"))
        .hasMessageContaining("e.g. 250ms, 15s, 1m30s");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parseLong("week"))
        .hasMessageContaining("e.g. 36h, 7d, 2w");
  }

  @Test
  void durationsParseTheSchemaForm() {
    assertThat(Durations.parse("1m30s").getSeconds()).isEqualTo(90);
    assertThat(Durations.parse("250ms").toMillis()).isEqualTo(250);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("15"))
        .hasMessageContaining("e.g. 250ms, 15s, 1m30s");
  }
}
