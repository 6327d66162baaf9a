package io.scaledapi.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model of kube-apiserver's create path for the generated ScaledApi CRD: decoding, defaults,
 * the OpenAPI checks and the CEL rules, each answer in the words kubectl prints.
 */
class ApiServerTest {
  static final ApiServer API = ApiServer.forScaledApi();
  static final String INVALID = "The ScaledApi \"api\" is invalid: ";
  static final String NOT_CHECKED =
      "<nil>: Invalid value: \"null\": some validation rules were not checked because the object"
          + " was invalid; correct the existing errors to complete validation";

  @Test
  void theValidScaledApiIsCreatedAsItIs() {
    Admission created = API.create(Fields.validScaledApi());
    assertThat(created.kubectlApply("sapi.yaml")).isEmpty();
    assertThat(created.accepted()).isTrue();
    assertThat(created.stored()).isEqualTo(Fields.validScaledApi());
  }

  @Test
  void missingFieldsTakeTheirDefaultsAndNullsAreDropped() {
    Map<String, Object> sparse = Fields.validScaledApi();
    Fields.remove(sparse, "spec.minReplicas");
    Fields.remove(sparse, "spec.fallback.failureThreshold");
    Fields.set(sparse, "spec.mode", null);
    Fields.set(sparse, "spec.latency", null);
    Map<String, Object> stored = API.create(sparse).stored();
    assertThat(Fields.get(stored, "spec.minReplicas")).isEqualTo(1L);
    assertThat(Fields.get(stored, "spec.fallback.failureThreshold")).isEqualTo(3L);
    assertThat(Fields.get(stored, "spec.mode")).isEqualTo("Enforce");
    assertThat(((Map<?, ?>) Fields.get(stored, "spec")).containsKey("latency")).isFalse();
  }

  @Test
  void everyRuleOfTheCrdCompilesAgainstTheTypesKubernetesDeclares() {
    assertThat(API.ruleCount()).isEqualTo(countRules(CrdSchema.scaledApi().schema()));
    assertThat(API.ruleCount()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void aRuleNamingAFieldTheSchemaLacksDoesNotCompile() {
    CrdSchema crd = CrdSchema.scaledApi();
    JSONSchemaProps spec = crd.schema().getProperties().get("spec");
    List<io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule> rules =
        new ArrayList<>(spec.getXKubernetesValidations());
    rules.add(new ValidationRuleBuilder().withRule("self.minReplica <= self.maxReplicas").build());
    spec.setXKubernetesValidations(rules);
    assertThatThrownBy(() -> new ApiServer(crd))
        .hasMessageContaining("undefined field 'minReplica'");
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(
            "integer below its minimum",
            "spec.minReplicas",
            0L,
            INVALID
                + "spec.minReplicas: Invalid value: 0: spec.minReplicas in body should be greater"
                + " than or equal to 1\n"),
        Arguments.of(
            "integer beyond the product limit and 32 bits",
            "spec.maxReplicas",
            3_000_000_000L,
            INVALID
                + "spec.maxReplicas: Invalid value: 3000000000: spec.maxReplicas in body should be"
                + " less than or equal to 100000\n"),
        Arguments.of(
            "an int-or-string beyond 32 bits",
            "spec.prediction.capacityPerReplica",
            3_000_000_000L,
            INVALID
                + "spec.prediction.capacityPerReplica: Invalid value: \"object\":"
                + " capacityPerReplica must be auto or a positive number of requests per second,"
                + " for example 50 or \"12.5\"\n"),
        Arguments.of(
            "number at an exclusive minimum",
            "spec.queue.targetPerReplica",
            -0.5,
            INVALID
                + "spec.queue.targetPerReplica: Invalid value: -0.5: spec.queue.targetPerReplica"
                + " in body should be greater than 0\n"),
        Arguments.of(
            "targetUtilization above 1",
            "spec.targetUtilization",
            1.5,
            INVALID
                + "spec.targetUtilization: Invalid value: 1.5: spec.targetUtilization in body"
                + " should be less than or equal to 1\n"),
        Arguments.of(
            "targetUtilization at its exclusive minimum",
            "spec.targetUtilization",
            0.0,
            INVALID
                + "spec.targetUtilization: Invalid value: 0: spec.targetUtilization in body"
                + " should be greater than 0\n"),
        Arguments.of(
            "an integer is compared with a fractional bound cut to an integer, as Go does",
            "spec.prediction.confidence",
            1L,
            INVALID
                + "spec.prediction.confidence: Invalid value: 1: spec.prediction.confidence in"
                + " body should be less than or equal to 0\n"),
        Arguments.of(
            "wrong type blocks the CEL rules",
            "spec.maxReplicas",
            "ten",
            INVALID
                + "\n* spec.maxReplicas: Invalid value: \"string\": spec.maxReplicas in body must"
                + " be of type integer: \"string\"\n* "
                + NOT_CHECKED
                + "\n"),
        Arguments.of(
            "a fraction where an integer belongs",
            "spec.maxReplicas",
            2.5,
            INVALID
                + "\n* spec.maxReplicas: Invalid value: \"number\": spec.maxReplicas in body must"
                + " be of type integer: \"number\"\n* <nil>: Invalid value: \"\": Checked value"
                + " must be of type integer (default format) in spec.maxReplicas\n* "
                + NOT_CHECKED
                + "\n"),
        Arguments.of(
            "enum",
            "spec.behavior.scaleUp.policies[0].type",
            "Pod",
            INVALID
                + "\n* spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Pod\":"
                + " supported values: \"Percent\", \"Pods\"\n* "
                + NOT_CHECKED
                + "\n"),
        Arguments.of(
            "too many items",
            "spec.behavior.scaleDown.policies",
            java.util.Collections.nCopies(
                11, Map.of("type", "Pods", "value", 1L, "periodSeconds", 15L)),
            INVALID
                + "\n* spec.behavior.scaleDown.policies: Too many: 11: must have at most 10 items"
                + "\n* "
                + NOT_CHECKED
                + "\n"),
        Arguments.of(
            "too few items",
            "spec.behavior.scaleDown.policies",
            List.of(),
            INVALID
                + "spec.behavior.scaleDown.policies: Invalid value: 0:"
                + " spec.behavior.scaleDown.policies in body should have at least 1 items\n"),
        Arguments.of(
            "a CEL rule without fieldPath or reason",
            "spec.prometheus.auth.basic",
            Map.of("secretName", "prom-basic"),
            INVALID
                + "spec.prometheus.auth: Invalid value: \"object\": set exactly one of"
                + " prometheus.auth.bearer or prometheus.auth.basic\n"),
        Arguments.of(
            "a CEL rule with a nested fieldPath",
            "spec.fallback.replicas",
            21L,
            INVALID
                + "spec.fallback.replicas: Invalid value: \"object\": fallback.replicas must be"
                + " less than or equal to maxReplicas\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void rejectionsReadAsKubectlPrintsThem(String name, String path, Object value, String printed) {
    Admission answer = API.create(Fields.set(Fields.validScaledApi(), path, value));
    assertThat(answer.accepted()).isFalse();
    assertThat(answer.kubectlApply("sapi.yaml")).isEqualTo(printed);
  }

  @Test
  void aRequiredRuleReasonGivesARequiredValue() {
    Map<String, Object> object = Fields.remove(Fields.validScaledApi(), "spec.arrivalRate");
    assertThat(API.create(object).kubectlApply("sapi.yaml"))
        .isEqualTo(
            INVALID
                + "spec.prediction: Required value: prediction needs arrivalRate: add"
                + " spec.arrivalRate.query, the requests per second to forecast\n");
  }

  @Test
  void unknownFieldsFailStrictDecodingWithTheirPaths() {
    Map<String, Object> object = Fields.validScaledApi();
    Fields.set(object, "spec.minReplica", 2L);
    Fields.set(object, "spec.behavior.scaleUp.policies[1].periodSecond", 15L);
    assertThat(API.create(object).kubectlApply("sapi.yaml"))
        .isEqualTo(
            "Error from server (BadRequest): error when creating \"sapi.yaml\": ScaledApi in"
                + " version \"v1alpha1\" cannot be handled as a ScaledApi: strict decoding error:"
                + " unknown field \"spec.behavior.scaleUp.policies[1].periodSecond\", unknown"
                + " field \"spec.minReplica\"\n");
  }

  static int countRules(JSONSchemaProps s) {
    int n = s.getXKubernetesValidations() == null ? 0 : s.getXKubernetesValidations().size();
    if (s.getProperties() != null) {
      n += s.getProperties().values().stream().mapToInt(ApiServerTest::countRules).sum();
    }
    if (Schemas.items(s) != null) {
      n += countRules(Schemas.items(s));
    }
    return n;
  }
}
