package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ScaledApi is read whatever its spec and status hold, as the operator's informer reads it: a
 * spec that does not fit the types keeps its JSON as sent and a problem per field, and is written
 * back as it came; an unreadable status is dropped, for the operator to write anew.
 */
class ScaledApiReadingTest {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static ScaledApi read(Map<String, Object> object) {
    return SERIALIZATION.unmarshal(Json.text(object), ScaledApi.class);
  }

  static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode tree(Object value) {
    return new ObjectMapper().valueToTree(value);
  }

  @Test
  void aReadableSpecHasNoProblemsAndIsWrittenAsBefore() {
    Map<String, Object> object = Fields.validScaledApi();
    ScaledApi api = read(object);
    assertThat(api.getSpec().readProblems()).isEmpty();
    assertThat(api.getSpec().maxReplicas()).isEqualTo(20);
    JsonNode written = parse(SERIALIZATION.asJson(api)).get("spec");
    assertThat(written).isEqualTo(parse(SERIALIZATION.asJson(api.getSpec())));
    assertThat(written.has("raw")).isFalse();
    assertThat(SERIALIZATION.clone(api).getSpec()).isEqualTo(api.getSpec());
  }

  @Test
  void anUnreadableSpecKeepsItsJsonAndWhatCouldBeRead() {
    Map<String, Object> object = Fields.validScaledApi();
    Fields.set(object, "spec.maxReplicas", 3_000_000_000L);
    ScaledApi api = read(object);
    assertThat(api.getSpec().readProblems())
        .containsExactly(
            "spec.maxReplicas must be a whole number from 1 to 100000; got 3000000000");
    assertThat(api.getSpec().maxReplicas()).isNull();
    assertThat(api.getSpec().pollingInterval()).isEqualTo("15s");
    assertThat(api.getSpec().scaleTargetRef().name()).isEqualTo("checkout");
    // written back as it came, so that a copy reads the same problems
    assertThat(tree(Json.yaml(SERIALIZATION.asJson(api))).get("spec"))
        .isEqualTo(tree(object).get("spec"));
    assertThat(SERIALIZATION.clone(api).getSpec()).isEqualTo(api.getSpec());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"x\"", "[]", "7", "true", "[[[[[[[[]]]]]]]]", "{\"\": {\"\": null}}"})
  void aSpecOfAnyJsonIsReadWithAProblem(String spec) {
    String json =
        "{\"apiVersion\":\"autoscaling.scaledapi.io/v1alpha1\",\"kind\":\"ScaledApi\","
            + "\"metadata\":{\"name\":\"api\"},\"spec\":"
            + spec
            + "}";
    assertThatCode(() -> SERIALIZATION.unmarshal(json, ScaledApi.class)).doesNotThrowAnyException();
    assertThat(SERIALIZATION.unmarshal(json, ScaledApi.class).getSpec().readProblems())
        .singleElement()
        .asString()
        .startsWith("spec");
  }

  @Test
  void unknownFieldsBesideSpecAndInStatusAreIgnored() {
    Map<String, Object> object = Fields.validScaledApi();
    object.put("specification", Map.of("maxReplicas", 3));
    Fields.set(object, "status.desiredReplicas", 4);
    Fields.set(object, "status.nextCheck", "soon");
    ScaledApi api = read(object);
    assertThat(api.getSpec().readProblems()).isEmpty();
    assertThat(api.getStatus().desiredReplicas()).isEqualTo(4);
  }

  @Test
  void anUnreadableStatusIsDropped() {
    Map<String, Object> object = Fields.validScaledApi();
    Fields.set(object, "status.desiredReplicas", 3_000_000_000L);
    ScaledApi api = read(object);
    assertThat(api.getStatus()).isNull();
    assertThat(api.getSpec().readProblems()).isEmpty();
  }

  @Test
  void aNullSpecStaysNull() {
    Map<String, Object> object = Fields.validScaledApi();
    object.put("spec", null);
    assertThat(read(object).getSpec()).isNull();
  }
}
