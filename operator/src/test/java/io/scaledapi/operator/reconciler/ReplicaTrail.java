package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every replica count a Deployment goes through, as a watch on the API server sees it: start it
 * before the Deployment exists to see its first count. Repeats of the same count are kept once, and
 * a deletion shows as {@link #DELETED}.
 */
final class ReplicaTrail implements AutoCloseable {
  static final int DELETED = -1;

  private final List<Integer> values = new ArrayList<>();
  private final Watch watch;

  ReplicaTrail(KubernetesClient client, String namespace, String name) {
    this.watch =
        client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .withName(name)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Deployment d) {
                    if (action == Action.DELETED) {
                      add(DELETED);
                    } else if (d.getSpec() != null && d.getSpec().getReplicas() != null) {
                      add(d.getSpec().getReplicas());
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  private synchronized void add(int replicas) {
    if (values.isEmpty() || values.get(values.size() - 1) != replicas) {
      values.add(replicas);
    }
  }

  /** The counts seen so far, in order. */
  synchronized List<Integer> values() {
    return List.copyOf(values);
  }

  @Override
  public void close() {
    watch.close();
  }
}
