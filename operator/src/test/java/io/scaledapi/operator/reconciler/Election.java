package io.scaledapi.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator instances on one API server campaigning for one Lease; {@code client} is the test's own,
 * to read the Lease.
 */
record Election(
    KubernetesClient client,
    String leaseNamespace,
    String leaseName,
    List<OperatorInstance> instances)
    implements AutoCloseable {

  /**
   * Starts one instance per settings, each with a client of its own with {@code config}, all naming
   * the same Lease, and waits until one holds it.
   */
  static Election start(
      KubernetesClient client, Config config, List<ScaledApiOperator.Settings> candidates) {
    ScaledApiOperator.LeaderElection lease = candidates.get(0).leaderElection().orElseThrow();
    Election election =
        new Election(
            client, lease.leaseNamespace().orElseThrow(), lease.leaseName(), new ArrayList<>());
    try {
      for (ScaledApiOperator.Settings settings : candidates) {
        election.instances().add(OperatorInstance.start(client, config, settings));
      }
      await("a leader of " + lease.leaseName())
          .atMost(Duration.ofSeconds(20))
          .until(() -> election.holder() != null && !election.holder().isEmpty());
    } catch (RuntimeException | Error e) {
      election.close();
      throw e;
    }
    return election;
  }

  Lease lease() {
    return client.leases().inNamespace(leaseNamespace).withName(leaseName).get();
  }

  /** The Lease's holderIdentity, or null while there is none. */
  String holder() {
    Lease l = lease();
    return l == null ? null : l.getSpec().getHolderIdentity();
  }

  OperatorInstance leader() {
    String holder = holder();
    return instances.stream().filter(i -> i.name().equals(holder)).findFirst().orElseThrow();
  }

  OperatorInstance follower() {
    String holder = holder();
    return instances.stream().filter(i -> !i.name().equals(holder)).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    instances.forEach(OperatorInstance::close);
  }
}
