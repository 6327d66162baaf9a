package io.scaledapi.operator.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.scaledapi.operator.testing.PodTemplates;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * N Deployments, each with its ScaledApi on the queue series of its own, spread over namespaces of
 * {@link #PER_NAMESPACE}; there is no controller-manager, so the Deployments never get pods.
 */
final class BenchCluster {
  static final int PER_NAMESPACE = 50;
  static final String QUEUE = "bench_queue_depth";
  static final String LABEL = "scale-bench";
  static final int TARGET_PER_REPLICA = 10;

  private final KubernetesClient client;
  private final int size;

  BenchCluster(KubernetesClient client, int size) {
    this.client = client;
    this.size = size;
  }

  /** Namespace of the {@code i}th ScaledApi. */
  static String namespace(int i) {
    return "bench-" + (i / PER_NAMESPACE);
  }

  static String name(int i) {
    return "api-" + i;
  }

  /** Creates the namespaces, then every Deployment and ScaledApi, {@code threads} at a time. */
  void create(int threads, Duration pollingInterval) throws Exception {
    IntStream.rangeClosed(0, (size - 1) / PER_NAMESPACE)
        .mapToObj(k -> namespace(k * PER_NAMESPACE))
        .forEach(
            ns ->
                client
                    .namespaces()
                    .resource(
                        new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .serverSideApply());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> created =
          IntStream.range(0, size)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            client.resource(deployment(i)).create();
                            client
                                .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
                                .resource(scaledApi(i, pollingInterval))
                                .create();
                          }))
              .<Future<?>>map(f -> f)
              .toList();
      for (Future<?> f : created) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Deployment deployment(int i) {
    Map<String, String> labels = Map.of("app", name(i), "bench", LABEL);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name(i))
        .withNamespace(namespace(i))
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(Map.of("app", name(i)))
        .endSelector()
        .withTemplate(PodTemplates.labelled(labels))
        .endSpec()
        .build();
  }

  private static GenericKubernetesResource scaledApi(int i, Duration pollingInterval) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("autoscaling.scaledapi.io/v1alpha1")
        .withKind("ScaledApi")
        .withNewMetadata()
        .withName(name(i))
        .withNamespace(namespace(i))
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of(
                "scaleTargetRef",
                Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", name(i)),
                "minReplicas",
                1,
                "maxReplicas",
                50,
                "pollingInterval",
                pollingInterval.toSeconds() + "s",
                "queue",
                Map.of(
                    "query",
                    "sum(" + QUEUE + "{scaledapi=\"" + name(i) + "\"})",
                    "targetPerReplica",
                    TARGET_PER_REPLICA)))
        .build();
  }

  /** How many ScaledApis carry a status, i.e. have been reconciled at least once. */
  long reconciled() {
    return client
        .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
        .inAnyNamespace()
        .list()
        .getItems()
        .stream()
        .filter(r -> r.getAdditionalProperties().get("status") != null)
        .count();
  }

  /**
   * Watches every Deployment of the benchmark and records, per Deployment, when its replicas first
   * differ from {@code initial}.
   */
  Watch watchReplicaChanges(int initial, Map<String, Long> changedAtNanos) {
    return client
        .apps()
        .deployments()
        .inAnyNamespace()
        .withLabel("bench", LABEL)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Deployment d) {
                Integer replicas = d.getSpec().getReplicas();
                if (replicas != null && replicas != initial) {
                  changedAtNanos.putIfAbsent(
                      d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(),
                      System.nanoTime());
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }
}
