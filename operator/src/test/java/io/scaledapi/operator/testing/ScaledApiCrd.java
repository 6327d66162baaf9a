package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The ScaledApi CRD generated from the Java types (by the crd module's build), applied to the JVM's
 * {@link RealApiServer} once and Established before anyone uses it. The server checks its schema
 * and compiles its CEL rules, estimating their cost, as it applies it.
 */
public final class ScaledApiCrd {
  /** Where the CRD generator writes the CRD, on the class path. */
  private static final String RESOURCE =
      "META-INF/fabric8/scaledapis.autoscaling.scaledapi.io-v1.yml";

  /** ScaledApis, for a client of generic resources. */
  public static final ResourceDefinitionContext SCALED_APIS =
      new ResourceDefinitionContext.Builder()
          .withGroup(ScaledApi.GROUP)
          .withVersion(ScaledApi.VERSION)
          .withKind("ScaledApi")
          .withPlural("scaledapis")
          .withNamespaced(true)
          .build();

  private static boolean installed; // guarded by ScaledApiCrd.class

  private ScaledApiCrd() {}

  /** The generated CRD, as the crd module's build wrote it. */
  private static CustomResourceDefinition generated() {
    try (InputStream in = ScaledApiCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path; build crd");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies the CRD to the real API server, on the first call, and waits until it is Established
   * and discovery lists it (which comes later), so that kubectl finds the kind; returns the
   * server's client.
   */
  public static synchronized KubernetesClient install() {
    KubernetesClient client = RealApiServer.get().client();
    if (!installed) {
      CustomResourceDefinition crd = generated();
      client.resource(crd).forceConflicts().serverSideApply();
      await("the ScaledApi CRD established")
          .atMost(Duration.ofSeconds(30))
          .until(() -> established(client, crd.getMetadata().getName()));
      await("discovery of scaledapis")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> discovered(client.getApiResources(ScaledApi.GROUP + "/" + ScaledApi.VERSION)));
      installed = true;
    }
    return client;
  }

  private static boolean discovered(APIResourceList resources) {
    return resources != null
        && resources.getResources().stream()
            .map(APIResource::getName)
            .anyMatch(SCALED_APIS.getPlural()::equals);
  }

  private static boolean established(KubernetesClient client, String name) {
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }
}
