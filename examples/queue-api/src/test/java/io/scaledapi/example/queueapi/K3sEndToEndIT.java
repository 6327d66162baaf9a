package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.TestExporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The operator against a real API server: k3s in a container, with the ScaledApi CRD from the chart
 * and the queue-api Deployment from {@code examples/manifests}. The queue signal comes from a real
 * Prometheus on this machine scraping a test exporter, since pods inside k3s are out of its reach.
 * Needs a Docker engine and image pulls; without Docker it is skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sEndToEndIT {
  static final Path CRD =
      Path.of("../../helm/scaledapi-operator/crds/scaledapis.autoscaling.scaledapi.io-v1.yml");
  static final Path MANIFESTS = Path.of("../manifests");

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.2-k3s1"));

  @Test
  void scalesTheQueueApiDeploymentOnARealApiServer() throws Exception {
    try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
                .build();
        TestExporter exporter = TestExporter.start();
        PrometheusProcess prometheus =
            PrometheusProcess.start(List.of(exporter.target()), Duration.ofSeconds(1))) {
      prometheus.awaitTargetUp(Duration.ofSeconds(30));
      try (InputStream in = Files.newInputStream(CRD)) {
        client.resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).create();
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> client.resources(ScaledApi.class).inNamespace("default").list() != null);
      List<HasMetadata> queueApi = load(client, MANIFESTS.resolve("queue-api.yaml"));
      queueApi.forEach(o -> client.resource(o).inNamespace("default").create());
      Deployment deployment =
          client.apps().deployments().inNamespace("default").withName("queue-api").get();
      assertThat(deployment).isNotNull();

      ScaledApi sapi;
      try (InputStream in = Files.newInputStream(MANIFESTS.resolve("scaledapi.yaml"))) {
        sapi = Serialization.unmarshal(in, ScaledApi.class);
      }
      ScaledApiSpec given = sapi.getSpec();
      // the queue as this machine's Prometheus sees it: 95 waiting at 20 per replica is 5
      exporter.set("api_queue_requests_waiting", 95);
      sapi.setSpec(
          new ScaledApiSpec(
              given.scaleTargetRef(),
              given.minReplicas(),
              given.maxReplicas(),
              "2s",
              null,
              new QueueSpec("sum(api_queue_requests_waiting)", given.queue().targetPerReplica()),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
      sapi.getMetadata().setNamespace("default");
      try (ScaledApiOperator operator =
          ScaledApiOperator.create(
              client,
              new ScaledApiOperator.Settings(
                  Optional.of(prometheus.baseUri()),
                  Set.of(),
                  Optional.empty(),
                  Clock.systemUTC(),
                  "k3s"),
              new SimpleMeterRegistry())) {
        operator.start();
        client.resource(sapi).create();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    client
                            .apps()
                            .deployments()
                            .inNamespace("default")
                            .withName("queue-api")
                            .get()
                            .getSpec()
                            .getReplicas()
                        == 5);
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  ScaledApi seen =
                      client
                          .resources(ScaledApi.class)
                          .inNamespace("default")
                          .withName(sapi.getMetadata().getName())
                          .get();
                  assertThat(seen.getStatus().desiredReplicas()).isEqualTo(5);
                  assertThat(seen.getStatus().conditions())
                      .anySatisfy(c -> assertThat(c.getType()).isEqualTo("Ready"));
                  assertThat(client.v1().events().inNamespace("default").list().getItems())
                      .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Rescaled"));
                });
      }
    }
  }

  static List<HasMetadata> load(KubernetesClient client, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    }
  }
}
