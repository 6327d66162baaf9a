package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.operator.rbac.ApiCallLog;
import java.util.Set;

/** A {@link Cluster} on the mock API server; its operators watch every namespace. */
record MockCluster(KubernetesClient client, ApiCallLog log, KubernetesClient operatorClient)
    implements Cluster {

  static MockCluster of(KubernetesClient client) {
    ApiCallLog log = new ApiCallLog();
    return new MockCluster(client, log, log.client(client));
  }

  @Override
  public Set<String> watched() {
    return Set.of();
  }

  @Override
  public void close() {
    operatorClient.close();
    log.addToUnion();
  }

  @Override
  public void ensureNamespace(String ns) {
    if (client.namespaces().withName(ns).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }
}
