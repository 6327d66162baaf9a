package io.scaledapi.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.rbac.ApiCallLog;
import io.scaledapi.operator.testing.RealApiServer;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Cluster} on the JVM's real API server ({@link RealApiServer}), with the generated
 * ScaledApi CRD applied once per JVM ({@link ScaledApiCrd}). It creates the namespaces it is asked
 * for, each name with a suffix unique in the JVM ({@link #ns}), and its operators watch those
 * alone. Nothing runs on the server but the operators: tests set a Deployment's status by hand
 * ({@link #readyReplicas}). On close it deletes its ScaledApis (the operator adds no finalizer), so
 * that no operator acts on them any more, and its Deployments; its namespaces stay, as no namespace
 * controller would empty them.
 */
final class RealCluster implements Cluster {
  private static final AtomicInteger CLUSTERS = new AtomicInteger();
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final ApiCallLog log = new ApiCallLog();
  private final KubernetesClient operatorClient;
  private final Map<String, String> namespaces = new LinkedHashMap<>();

  private RealCluster(KubernetesClient client, Interceptor interceptor, String[] names) {
    this.client = client;
    this.operatorClient =
        new KubernetesClientBuilder()
            .withConfig(client.getConfiguration())
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor("api-call-log", log.recorder())
                        .addOrReplaceInterceptor("intercepted", interceptor))
            .build();
    int suffix = CLUSTERS.incrementAndGet();
    for (String name : names) {
      String ns = name + "-" + suffix;
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      namespaces.put(name, ns);
    }
  }

  /** A cluster with namespaces for {@code names}; see {@link #ns}. */
  static RealCluster create(String... names) {
    return intercepted(new Interceptor() {}, names);
  }

  /**
   * A cluster with namespaces for {@code names} whose operators' requests also go through {@code
   * interceptor}, after the call log has recorded them.
   */
  static RealCluster intercepted(Interceptor interceptor, String... names) {
    return new RealCluster(ScaledApiCrd.install(), interceptor, names);
  }

  /** The namespace created for {@code name}. */
  String ns(String name) {
    String ns = namespaces.get(name);
    if (ns == null) {
      throw new IllegalArgumentException(
          "no namespace for " + name + "; create the cluster with it: " + namespaces.keySet());
    }
    return ns;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public ApiCallLog log() {
    return log;
  }

  @Override
  public KubernetesClient operatorClient() {
    return operatorClient;
  }

  @Override
  public Set<String> watched() {
    return Set.copyOf(namespaces.values());
  }

  /** The namespaces exist from the start; one not created for this cluster is a test's mistake. */
  @Override
  public void ensureNamespace(String ns) {
    if (!namespaces.containsValue(ns)) {
      throw new IllegalArgumentException(
          ns + " is not a namespace of this cluster: " + namespaces.values());
    }
  }

  /**
   * Sets the Deployment's status through its status subresource, as its controller would: {@code
   * ready} replicas, all of them ready.
   */
  void readyReplicas(String ns, String name, int ready) {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(name)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"replicas\":%d,\"readyReplicas\":%d}}".formatted(ready, ready));
  }

  @Override
  public void close() {
    try {
      for (String ns : namespaces.values()) {
        client.resources(ScaledApi.class).inNamespace(ns).delete();
        client.apps().deployments().inNamespace(ns).delete();
      }
      await("the ScaledApis of " + namespaces.values() + " deleted")
          .atMost(DEADLINE)
          .until(
              () ->
                  namespaces.values().stream()
                      .allMatch(
                          ns ->
                              client
                                  .resources(ScaledApi.class)
                                  .inNamespace(ns)
                                  .list()
                                  .getItems()
                                  .isEmpty()));
    } finally {
      operatorClient.close();
      log.addToUnion();
    }
  }
}
