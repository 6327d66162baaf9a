package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.apiserver.CrdSchema;
import io.scaledapi.operator.testing.RealApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated ScaledApi CRD on a real kube-apiserver: the server accepts it (so its CEL rules
 * pass the server's cost estimation), establishes it, applies its defaults to the example manifest,
 * and rejects bad specs with the messages below.
 */
class CrdOnRealApiServerIT {
  private static final String NAMESPACE = "crd-on-real-api-server";
  private static final Path EXAMPLE = Path.of("../examples/scaledapi.yaml");
  private static final ResourceDefinitionContext SCALED_APIS =
      new ResourceDefinitionContext.Builder()
          .withGroup("autoscaling.scaledapi.io")
          .withVersion("v1alpha1")
          .withKind("ScaledApi")
          .withPlural("scaledapis")
          .withNamespaced(true)
          .build();

  private static KubernetesClient client;

  @BeforeAll
  static void installCrd() throws IOException {
    RealApiServer server = RealApiServer.get();
    System.out.println("[real-api-server] started in " + server.startup().toMillis() + " ms");
    client = server.client();
    CustomResourceDefinition crd;
    try (InputStream in =
        CrdOnRealApiServerIT.class.getClassLoader().getResourceAsStream(CrdSchema.SCALED_API)) {
      assertThat(in).as(CrdSchema.SCALED_API + " on the class path").isNotNull();
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    client.resource(crd).forceConflicts().serverSideApply();
    await("the ScaledApi CRD established")
        .atMost(Duration.ofSeconds(30))
        .until(() -> established(crd.getMetadata().getName()));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @Test
  void storesTheExampleWithDefaults() throws IOException {
    GenericKubernetesResource example = example("defaults");
    spec(example).remove("targetUtilization");

    scaledApis().resource(example).create();
    GenericKubernetesResource stored =
        scaledApis().inNamespace(NAMESPACE).withName("defaults").get();

    Map<String, Object> spec = spec(stored);
    assertThat(spec).containsEntry("targetUtilization", 0.7).containsEntry("tolerance", 0.1);
    assertThat(spec).containsEntry("maxReplicas", 30).containsEntry("pollingInterval", "15s");
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of(
            "min-above-max",
            (Consumer<Map<String, Object>>) spec -> spec.put("minReplicas", 40),
            "ScaledApi.autoscaling.scaledapi.io \"min-above-max\" is invalid: spec.minReplicas:"
                + " Invalid value: \"object\": minReplicas must be less than or equal to"
                + " maxReplicas"),
        Arguments.of(
            "utilization-above-one",
            (Consumer<Map<String, Object>>) spec -> spec.put("targetUtilization", 1.5),
            "ScaledApi.autoscaling.scaledapi.io \"utilization-above-one\" is invalid:"
                + " spec.targetUtilization: Invalid value: 1.5: spec.targetUtilization in body"
                + " should be less than or equal to 1"),
        Arguments.of(
            "negative-target",
            (Consumer<Map<String, Object>>) spec -> queue(spec).put("targetPerReplica", -0.5),
            "ScaledApi.autoscaling.scaledapi.io \"negative-target\" is invalid:"
                + " spec.queue.targetPerReplica: Invalid value: -0.5:"
                + " spec.queue.targetPerReplica in body should be greater than 0"),
        Arguments.of(
            "polling-two-hours",
            (Consumer<Map<String, Object>>) spec -> spec.put("pollingInterval", "2h"),
            "ScaledApi.autoscaling.scaledapi.io \"polling-two-hours\" is invalid:"
                + " spec.pollingInterval: Invalid value: \"object\": pollingInterval must be"
                + " between 1s and 1h, for example 15s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void rejectsABadSpec(String name, Consumer<Map<String, Object>> change, String message)
      throws IOException {
    GenericKubernetesResource bad = example(name);
    change.accept(spec(bad));

    KubernetesClientException rejected =
        catchThrowableOfType(
            KubernetesClientException.class, () -> scaledApis().resource(bad).create());

    assertThat(rejected).as("rejection of " + name).isNotNull();
    System.out.println("[real-api-server] " + name + ": " + rejected.getStatus().getMessage());
    assertThat(rejected.getCode()).isEqualTo(422);
    assertThat(rejected.getStatus().getMessage()).isEqualTo(message);
  }

  @Test
  void prunesAnUnknownField() throws IOException {
    GenericKubernetesResource typo = example("pruned");
    spec(typo).put("maxReplica", 5);

    scaledApis().resource(typo).create();

    assertThat(spec(scaledApis().inNamespace(NAMESPACE).withName("pruned").get()))
        .doesNotContainKey("maxReplica");
  }

  @Test
  void rejectsAnUnknownFieldWhenStrict() throws IOException {
    GenericKubernetesResource typo = example("strict");
    spec(typo).put("maxReplica", 5);

    KubernetesClientException rejected =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> scaledApis().resource(typo).fieldValidation(Validation.STRICT).create());

    assertThat(rejected).isNotNull();
    System.out.println("[real-api-server] strict: " + rejected.getStatus().getMessage());
    assertThat(rejected.getStatus().getMessage())
        .isEqualTo(
            "ScaledApi in version \"v1alpha1\" cannot be handled as a ScaledApi: strict decoding"
                + " error: unknown field \"spec.maxReplica\"");
  }

  private static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      scaledApis() {
    return client.genericKubernetesResources(SCALED_APIS);
  }

  private static boolean established(String name) {
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }

  private static GenericKubernetesResource example(String name) throws IOException {
    GenericKubernetesResource resource =
        Serialization.unmarshal(Files.readString(EXAMPLE), GenericKubernetesResource.class);
    resource.getMetadata().setName(name);
    resource.getMetadata().setNamespace(NAMESPACE);
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> queue(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("queue");
  }
}
