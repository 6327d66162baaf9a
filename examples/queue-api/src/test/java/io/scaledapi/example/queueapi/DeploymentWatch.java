package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.function.Consumer;

/** An informer on one Deployment that hands every version it sees, added or updated, on. */
final class DeploymentWatch {
  private DeploymentWatch() {}

  static SharedIndexInformer<Deployment> inform(
      KubernetesClient client, String namespace, String name, Consumer<Deployment> seen) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Deployment d) {
                seen.accept(d);
              }

              @Override
              public void onUpdate(Deployment before, Deployment d) {
                seen.accept(d);
              }

              @Override
              public void onDelete(Deployment d, boolean unknownFinalState) {}
            });
  }
}
