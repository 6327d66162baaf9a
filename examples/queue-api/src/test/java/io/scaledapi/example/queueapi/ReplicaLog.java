package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;

/**
 * Records every change of a Deployment's replicas its informer sees into a {@link ReplicaHistory}.
 */
final class ReplicaLog implements AutoCloseable {
  private final ReplicaHistory history = new ReplicaHistory();
  private final SharedIndexInformer<Deployment> informer;

  ReplicaLog(KubernetesClient client, String namespace, String name) {
    informer = DeploymentWatch.inform(client, namespace, name, this::record);
  }

  ReplicaHistory history() {
    return history;
  }

  private void record(Deployment d) {
    history.add(
        new ReplicaHistory.Sample(
            Instant.now(),
            d.getSpec().getReplicas(),
            d.getStatus() == null ? 0 : orZero(d.getStatus().getReplicas()),
            d.getStatus() == null ? 0 : orZero(d.getStatus().getReadyReplicas())));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  @Override
  public void close() {
    informer.close();
  }
}
