package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes one queue-api process serve as many requests at once as the pods of a Deployment would: it
 * watches the Deployment and, whenever its ready replicas change, sets the process's workers to
 * ready replicas x workers per pod through {@code PUT /admin/workers}. With no pod ready the count
 * is left as it is: the process cannot run without a worker.
 */
final class CapacityFollower implements AutoCloseable {
  /** The process was set to {@code workers} when the Deployment had {@code ready} replicas. */
  record Followed(Instant at, int ready, int workers) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI admin;
  private final int workersPerPod;
  private final List<Followed> followed = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<Deployment> informer;
  private int workers; // informer thread only

  private CapacityFollower(
      KubernetesClient client, String namespace, String name, URI admin, int workersPerPod) {
    this.admin = admin;
    this.workersPerPod = workersPerPod;
    this.informer = DeploymentWatch.inform(client, namespace, name, this::follow);
  }

  /**
   * Follows Deployment {@code namespace/name}, setting the workers of the process whose admin
   * endpoint is {@code admin} ({@code http://host:port/admin/workers}).
   */
  static CapacityFollower start(
      KubernetesClient client, String namespace, String name, URI admin, int workersPerPod) {
    return new CapacityFollower(client, namespace, name, admin, workersPerPod);
  }

  /** Every change made, oldest first. */
  List<Followed> followed() {
    return List.copyOf(followed);
  }

  /** Changes the process refused or did not answer, with the reason. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  private void follow(Deployment d) {
    Integer readyReplicas = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    int ready = readyReplicas == null ? 0 : readyReplicas;
    int wanted = ready * workersPerPod;
    if (ready == 0 || wanted == workers) {
      return;
    }
    HttpRequest put =
        HttpRequest.newBuilder(admin)
            .timeout(Duration.ofSeconds(5))
            .PUT(HttpRequest.BodyPublishers.ofString(Integer.toString(wanted)))
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        failures.add("PUT " + wanted + ": " + answer.statusCode() + " " + answer.body().strip());
        return;
      }
    } catch (IOException e) {
      failures.add("PUT " + wanted + ": " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    workers = wanted;
    followed.add(new Followed(Instant.now(), ready, wanted));
  }

  @Override
  public void close() {
    informer.close();
  }
}
