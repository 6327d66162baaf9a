package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.operator.testing.PodTemplates;
import io.scaledapi.operator.testing.PrometheusProcess.ScrapeTarget;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One autoscaler's share of a side-by-side run: a namespace named after the autoscaler holding a
 * Deployment of that name, and a queue-api process standing for its pods, whose workers follow the
 * Deployment's ready replicas. Prometheus scrapes the process with the labels a pod's series would
 * carry ({@code namespace}, {@code deployment}), so that queries can be confined to one lane.
 */
final class Lane implements AutoCloseable {
  /** Each pod serves 20 requests at once for a second each: 20 requests a second. */
  static final int WORKERS_PER_POD = 20;

  static final String SERVICE_TIME = "1s";
  static final int CAPACITY_PER_POD = WORKERS_PER_POD;

  final String name;
  final int port;
  private QueueApiProcess api;
  private CapacityFollower follower;
  private ReplicaLog replicas;

  Lane(String name, int port) {
    this.name = name;
    this.port = port;
  }

  /** Where Prometheus scrapes the lane, labelled as its pods would be. */
  ScrapeTarget scrapeTarget() {
    return new ScrapeTarget("127.0.0.1:" + port, Map.of("namespace", name, "deployment", name));
  }

  /** Creates the namespace and the Deployment at {@code initialReplicas}. */
  void createDeployment(KubernetesClient client, int initialReplicas) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(name)
            .endMetadata()
            .withNewSpec()
            .withReplicas(initialReplicas)
            .withNewSelector()
            .withMatchLabels(Map.of("app", name))
            .endSelector()
            .withTemplate(PodTemplates.labelled(Map.of("app", name)))
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(name).resource(deployment).create();
    replicas = new ReplicaLog(client, name, name);
  }

  /**
   * Starts the queue-api on the lane's port, its workers following the ready replicas, and reads
   * its waits from {@code GET /admin/waits}.
   */
  void startApi(KubernetesClient client) throws IOException {
    api =
        QueueApiProcess.start(
            List.of(
                "--workers",
                Integer.toString(WORKERS_PER_POD),
                "--service-time",
                SERVICE_TIME,
                "--queue-capacity",
                "200000",
                "--admin",
                "true"),
            port);
    follower =
        CapacityFollower.start(client, name, name, api.uri("/admin/workers"), WORKERS_PER_POD);
  }

  WaitDistribution waits() throws IOException, InterruptedException {
    return WaitDistribution.parse(Http.get(api.uri("/admin/waits")).body());
  }

  QueueApiProcess api() {
    return api;
  }

  CapacityFollower follower() {
    return follower;
  }

  ReplicaLog replicas() {
    return replicas;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (follower != null) {
      follower.close();
    }
    if (replicas != null) {
      replicas.close();
    }
    if (api != null) {
      api.close();
    }
  }
}
