package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.operator.testing.Kubectl;
import io.scaledapi.operator.testing.RealApiServer;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated ScaledApi CRD on a real kube-apiserver: the server accepts it (so its CEL rules
 * compile and pass the server's cost estimation) and establishes it, {@code kubectl apply} creates
 * every ScaledApi manifest the project ships, the server applies the CRD's defaults and prunes an
 * unknown field from a client that does not ask for strict validation. What it rejects, and the
 * words kubectl prints, are the schema rows of {@link BadInputIT}.
 */
class CrdOnRealApiServerIT {
  private static final String NAMESPACE = "crd-on-real-api-server";
  private static final Path EXAMPLE = Path.of("../examples/scaledapi.yaml");
  private static final AtomicInteger EXAMPLES = new AtomicInteger();

  private static KubernetesClient client;

  @BeforeAll
  static void installCrd() {
    System.out.println(
        "[real-api-server] started in " + RealApiServer.get().startup().toMillis() + " ms");
    client = ScaledApiCrd.install();
    createNamespace(NAMESPACE);
  }

  private static void createNamespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../examples/scaledapi.yaml",
        "../examples/manifests/scaledapi.yaml",
        "../examples/simulate/reactive-only.yaml"
      })
  void kubectlApplyCreatesEachShippedManifest(String file) throws IOException {
    String name =
        Serialization.unmarshal(Files.readString(Path.of(file)), GenericKubernetesResource.class)
            .getMetadata()
            .getName();
    String namespace = NAMESPACE + "-" + EXAMPLES.incrementAndGet();
    createNamespace(namespace);

    Kubectl.Result applied = Kubectl.get().run("apply", "-n", namespace, "-f", file);

    assertThat(applied)
        .isEqualTo(
            new Kubectl.Result(0, "scaledapi.autoscaling.scaledapi.io/" + name + " created\n", ""));
  }

  @Test
  void prunesAnUnknownField() throws IOException {
    GenericKubernetesResource typo = example("pruned");
    spec(typo).put("maxReplica", 5);

    scaledApis().resource(typo).create();

    assertThat(spec(scaledApis().inNamespace(NAMESPACE).withName("pruned").get()))
        .doesNotContainKey("maxReplica");
  }

  private static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      scaledApis() {
    return client.genericKubernetesResources(ScaledApiCrd.SCALED_APIS);
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
}
