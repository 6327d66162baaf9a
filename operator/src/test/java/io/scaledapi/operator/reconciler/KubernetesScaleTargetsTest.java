package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is discovered to reach a kind that is not built in is kept only while a ScaledApi names the
 * kind: deleting the last one, or editing it to another kind, drops it. The mock API server answers
 * discovery (a fake: only the resource lists are needed here).
 */
@EnableKubernetesMockClient
class KubernetesScaleTargetsTest {
  static final ScaleTargetRef CONTROLLER = new ScaleTargetRef("v1", "ReplicationController", "rc");
  static final ScaleTargetRef DEPLOYMENT = new ScaleTargetRef("apps/v1", "Deployment", "api");

  KubernetesMockServer server;
  KubernetesClient client;
  KubernetesScaleTargets targets;

  @BeforeEach
  void serveDiscovery() {
    DiscoveryStubs.serve(server);
    targets = new KubernetesScaleTargets(client, Map.of());
  }

  @Test
  void aDiscoveredKindIsKeptWhileAScaledApiNamesIt() {
    assertThat(targets.observe("a", "team", CONTROLLER))
        .isInstanceOfSatisfying(
            TargetObservation.Missing.class,
            m -> assertThat(m.reason()).isEqualTo("TargetNotFound"));
    targets.observe("b", "team", CONTROLLER);
    assertThat(targets.discoveredKinds()).isEqualTo(1);

    targets.forget("a");
    assertThat(targets.discoveredKinds()).as("b still names it").isEqualTo(1);
    targets.forget("b");
    assertThat(targets.discoveredKinds()).isZero();
  }

  @Test
  void anEditToAnotherKindDropsTheOldOne() {
    targets.observe("a", "team", CONTROLLER);
    assertThat(targets.discoveredKinds()).isEqualTo(1);

    targets.observe("a", "team", DEPLOYMENT);

    assertThat(targets.discoveredKinds()).isZero();
  }
}
