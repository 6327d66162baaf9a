package io.scaledapi.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The {@link ControlPlane} fixture on its own: a Deployment's ReplicaSet creates pods, the
 * scheduler binds them to the KWOK node, KWOK makes them Ready the configured delay after their
 * creation and deletes them once the ReplicaSet lets them go; closing stops it all.
 */
class ControlPlaneIT {
  private static final Duration DELAY = Duration.ofSeconds(5);
  private static final String NS = "control-plane-it";

  private static ControlPlane plane;

  @RegisterExtension static final TestWatcher LOGS = ControlPlane.logsOnFailure(() -> plane);

  @BeforeAll
  static void start() {
    plane = ControlPlane.start(ControlPlane.Options.defaults().withPodReadyDelay(DELAY));
    System.out.println("[control-plane] started in " + plane.startup().toMillis() + " ms");
  }

  @AfterAll
  static void stop() {
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void podsOfADeploymentAreScheduledOnKwokAndReadyAfterTheDelay() {
    KubernetesClient client = plane.client();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    client.apps().deployments().inNamespace(NS).resource(deployment(2)).create();

    await("two Ready replicas")
        .atMost(Duration.ofSeconds(60))
        .until(() -> readyReplicas(client) == 2);
    List<Pod> pods = client.pods().inNamespace(NS).withLabel("app", "web").list().getItems();
    assertThat(pods).hasSize(2);
    for (Pod pod : pods) {
      assertThat(pod.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("ReplicaSet"));
      assertThat(pod.getSpec().getNodeName()).isIn(plane.nodes());
      Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
      Duration readyAfter = Duration.between(created, readySince(pod));
      // creationTimestamp has whole seconds: Ready comes in the second after the delay
      assertThat(readyAfter).isBetween(DELAY.plusSeconds(1), DELAY.plusSeconds(10));
    }
    assertThat(plane.kubectl("get", "nodes")).containsPattern("kwok-node-0\\s+Ready");

    client.apps().deployments().inNamespace(NS).withName("web").scale(0);
    await("the pods deleted")
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.pods().inNamespace(NS).list().getItems().isEmpty());
  }

  @Test
  void closingStopsTheServerAndDeletesItsFiles() {
    ControlPlane other = ControlPlane.start(ControlPlane.Options.defaults());
    Path kubeconfig = other.kubeconfig();
    URL server = other.client().getMasterUrl();
    assertThat(other.client().nodes().list().getItems()).hasSize(1);

    other.close();

    assertThat(Files.exists(kubeconfig)).isFalse();
    assertThatThrownBy(() -> new Socket(server.getHost(), server.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  private static int readyReplicas(KubernetesClient client) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName("web").get();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return ready == null ? 0 : ready;
  }

  private static Instant readySince(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> Instant.parse(c.getLastTransitionTime()))
        .findFirst()
        .orElseThrow();
  }

  private static Deployment deployment(int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "web")
        .endSelector()
        .withTemplate(PodTemplates.labelled(Map.of("app", "web")))
        .endSpec()
        .build();
  }
}
