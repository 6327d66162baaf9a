package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import io.scaledapi.operator.testing.Kubectl;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the JVM's real API server, with the generated CRD, makes of a ScaledApi object: {@code
 * kubectl apply} of it as a user runs it. Each object goes to a namespace of its own, so that one
 * the server wrongly stores changes no other answer.
 */
final class RealAdmission {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final KubernetesClient client = ScaledApiCrd.install();
  private final Kubectl kubectl = Kubectl.get();

  /**
   * What {@code kubectl apply -f sapi.yaml} prints and exits with, and whether the server stored
   * the object.
   */
  record Applied(Kubectl.Result kubectl, boolean stored) {}

  Applied kubectlApply(Map<String, Object> object) {
    Map<String, Object> placed = inNamespaceOfItsOwn(object);
    Kubectl.Result result = kubectl.apply("sapi.yaml", Json.text(placed));
    String namespace = (String) Fields.get(placed, "metadata.namespace");
    String name = (String) Fields.get(placed, "metadata.name");
    boolean stored =
        client
                .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
                .inNamespace(namespace)
                .withName(name)
                .get()
            != null;
    return new Applied(result, stored);
  }

  private Map<String, Object> inNamespaceOfItsOwn(Map<String, Object> object) {
    String namespace = "admission-" + NAMESPACES.incrementAndGet();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return Fields.set(Json.copy(object), "metadata.namespace", namespace);
  }
}
