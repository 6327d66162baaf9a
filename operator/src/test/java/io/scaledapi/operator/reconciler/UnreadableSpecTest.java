package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import io.scaledapi.operator.spec.SpecParser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A ScaledApi whose spec cannot be read into the API types (a value out of range or of the wrong
 * type, an unknown field), as the operator's informer reads it: the object is read all the same,
 * and the validator reports a problem per field, naming it and what it must be. The problems
 * survive the copy the operator framework makes of each object before it reconciles it.
 */
class UnreadableSpecTest {

  static Arguments row(String name, Consumer<Map<String, Object>> edit, String... problems) {
    return Arguments.of(name, edit, List.of(problems));
  }

  static Consumer<Map<String, Object>> set(String path, Object value) {
    return o -> Fields.set(o, path, value);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "maxReplicas beyond 32 bits",
            set("spec.maxReplicas", 3_000_000_000L),
            "spec.maxReplicas must be a whole number from 1 to 100000; got 3000000000"),
        row(
            "maxReplicas a word",
            set("spec.maxReplicas", "ten"),
            "spec.maxReplicas must be a whole number from 1 to 100000; got \"ten\""),
        row(
            "maxReplicas a number in a string",
            set("spec.maxReplicas", "10"),
            "spec.maxReplicas must be a whole number from 1 to 100000; got \"10\""),
        row(
            "maxReplicas a fraction",
            set("spec.maxReplicas", 2.5),
            "spec.maxReplicas must be a whole number from 1 to 100000; got 2.5"),
        row(
            "a misspelt field",
            set("spec.minReplica", 2),
            "spec.minReplica is not a ScaledApi field; did you mean spec.minReplicas?"),
        row(
            "a field of a newer version",
            set("spec.queue.window", "1m"),
            "spec.queue.window is not a ScaledApi field; remove it, or upgrade the operator if a"
                + " newer CRD added it"),
        row(
            "an unknown mode",
            set("spec.mode", "Fast"),
            "spec.mode must be one of DryRun, Enforce; got \"Fast\""),
        row(
            "an unknown policy type",
            set("spec.behavior.scaleUp.policies[0].type", "Pod"),
            "spec.behavior.scaleUp.policies[0].type must be one of Percent, Pods; got \"Pod\""),
        row(
            "a misspelt field in a list",
            o -> {
              Fields.remove(o, "spec.behavior.scaleUp.policies[1].periodSeconds");
              Fields.set(o, "spec.behavior.scaleUp.policies[1].periodSecond", 15);
            },
            "spec.behavior.scaleUp.policies[1].periodSecond is not a ScaledApi field; did you mean"
                + " spec.behavior.scaleUp.policies[1].periodSeconds?"),
        row(
            "a null in a list",
            set("spec.behavior.scaleDown.policies", Arrays.asList((Object) null)),
            "spec.behavior.scaleDown.policies[0] must be an object; got null"),
        row(
            "a list where an object belongs",
            set("spec.queue", List.of()),
            "spec.queue must be an object; got []"),
        row(
            "a number where a string belongs",
            set("spec.pollingInterval", 0),
            "spec.pollingInterval must be a string; got 0"),
        row(
            "a word where a boolean belongs",
            set("spec.paused", "yes"),
            "spec.paused must be true or false; got \"yes\""),
        row(
            "a number in a string where a number belongs",
            set("spec.tolerance", "0.1"),
            "spec.tolerance must be a number from 0 to 1; got \"0.1\""),
        row(
            "a capacity beyond 32 bits",
            set("spec.prediction.capacityPerReplica", 3_000_000_000L),
            "spec.prediction.capacityPerReplica must be a whole number up to 2147483647 or a"
                + " string; got 3000000000"),
        row("spec a string", o -> o.put("spec", "x"), "spec must be an object; got \"x\""),
        row(
            "several at once",
            o -> {
              Fields.set(o, "spec.maxReplicas", "ten");
              Fields.set(o, "spec.fallback.replicas", 3_000_000_000L);
              Fields.set(o, "spec.latency.guard", true);
            },
            "spec.maxReplicas must be a whole number from 1 to 100000; got \"ten\"",
            "spec.latency.guard is not a ScaledApi field; remove it, or upgrade the operator if a"
                + " newer CRD added it",
            "spec.fallback.replicas must be a whole number from 0 to 100000; got 3000000000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachUnreadableFieldIsAProblemNamingItAndWhatItMustBe(
      String name, Consumer<Map<String, Object>> edit, List<String> problems) {
    Map<String, Object> object = Fields.validScaledApi();
    edit.accept(object);

    ScaledApi read = Serialization.unmarshal(Json.text(object), ScaledApi.class);

    assertThat(SpecParser.parse(read.getSpec()).problems()).isEqualTo(problems);
    ScaledApi copy = new KubernetesSerialization().clone(read);
    assertThat(SpecParser.parse(copy.getSpec()).problems()).as("after a copy").isEqualTo(problems);
  }
}
