package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.rbac.ApiCall;
import io.scaledapi.operator.rbac.ApiCallLog;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One of several operator instances on one API server: its own recording client (its calls land in
 * its own log), its own meter registry, its name in the Lease and in the events it records. {@code
 * cluster}'s client is the test's own.
 */
record OperatorInstance(
    String name, Cluster cluster, SimpleMeterRegistry registry, ScaledApiOperator operator)
    implements AutoCloseable {
  private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");

  /**
   * Starts an operator with {@code settings} on a client of its own with {@code config}; {@code
   * admin} is the test's client.
   */
  static OperatorInstance start(
      KubernetesClient admin, Config config, ScaledApiOperator.Settings settings) {
    Cluster cluster = Clients.of(admin, config, settings.namespaces());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ScaledApiOperator operator =
        ScaledApiOperator.create(cluster.operatorClient(), settings, registry);
    try {
      operator.start();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return new OperatorInstance(settings.instance(), cluster, registry, operator);
  }

  /** Writes of a Deployment's replicas through {@code /scale}, repeats included. */
  long scaleWrites() {
    return count(c -> c.resource().equals("deployments") && c.subresource().equals("scale"));
  }

  /** Writes of a ScaledApi's status. */
  long statusWrites() {
    return count(c -> c.resource().equals("scaledapis") && c.subresource().equals("status"));
  }

  long eventsCreated() {
    return count(c -> c.resource().equals("events"));
  }

  /**
   * Every write but those of leader election itself: the Lease, and the start-up review of the
   * rights on it.
   */
  long writesBesidesElection() {
    return count(
        c -> !c.resource().equals("leases") && !c.resource().equals("selfsubjectrulesreviews"));
  }

  /** Reconciles this instance ran, from its own {@code scaledapi.reconciles} counter. */
  double reconciles() {
    return registry.find("scaledapi.reconciles").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /**
   * Dies as a crashed or partitioned pod does: its connection to the API server goes first, so it
   * neither renews nor releases the Lease and writes nothing more; then its threads are stopped.
   */
  void crash() {
    cluster.operatorClient().close();
    operator.close();
  }

  private long count(Predicate<ApiCall> which) {
    return cluster.log().count(c -> WRITES.contains(c.verb()) && which.test(c));
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      cluster.close();
    }
  }

  /**
   * The test's client and an instance's recording client with {@code config}, on the real API
   * server; the instance watches {@code watched}, which the test has created.
   */
  record Clients(
      KubernetesClient client, ApiCallLog log, KubernetesClient operatorClient, Set<String> watched)
      implements Cluster {
    static Clients of(KubernetesClient admin, Config config, Set<String> watched) {
      ApiCallLog log = new ApiCallLog();
      KubernetesClient recording =
          new KubernetesClientBuilder()
              .withConfig(config)
              .withHttpClientBuilderConsumer(
                  b -> b.addOrReplaceInterceptor("api-call-log", log.recorder()))
              .build();
      return new Clients(admin, log, recording, Set.copyOf(watched));
    }

    @Override
    public void ensureNamespace(String ns) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }

    /**
     * Closes the instance's client and deletes the ScaledApis in the namespaces it watches, so that
     * no operator of a later test acts on them.
     */
    @Override
    public void close() {
      operatorClient.close();
      watched.forEach(ns -> client.resources(ScaledApi.class).inNamespace(ns).delete());
    }
  }
}
