package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.api.v1alpha1.SelectPolicy;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.PrometheusProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end with every part real but the API server: the queue-api as its own process, a real
 * Prometheus scraping it every second, the operator in-process against fabric8's mock API server
 * holding the Deployment, and the load generator making the queue grow.
 */
@MockApiServer
class QueueApiEndToEndIT {
  static final String NS = "default";
  static final Duration DOWN_WINDOW = Duration.ofSeconds(10);
  static final Path JAR = Path.of("target/scaledapi-example-queue-api-0.1.0-SNAPSHOT-all.jar");

  static KubernetesClient client;
  static Process api;
  static int port;
  static PrometheusProcess prometheus;
  static ScaledApiOperator operator;

  @BeforeAll
  static void start() throws IOException {
    assertThat(JAR).as("the queue-api jar, built in the package phase").exists();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
      // Prometheus hands its target to the scrape loop seconds after it starts, so it starts
      // first, while the queue-api's port is still held here and cannot be its own
      prometheus = PrometheusProcess.start(List.of("127.0.0.1:" + port), Duration.ofSeconds(1));
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile("queue-api", ".log");
    api =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                JAR.toString(),
                "--workers",
                "2",
                "--service-time",
                "50ms",
                "--queue-capacity",
                "5000",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    prometheus.awaitTargetUp(Duration.ofSeconds(30));
    operator =
        ScaledApiOperator.create(
            client,
            new ScaledApiOperator.Settings(
                Optional.of(prometheus.baseUri()),
                Set.of(),
                Optional.empty(),
                Clock.systemUTC(),
                "e2e"),
            new SimpleMeterRegistry());
    operator.start();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (api != null) {
      api.destroy();
    }
  }

  @Test
  void aLoadStepScalesUpThroughScaleAndReplicasComeDownOnlyAfterTheWindow() throws Exception {
    createDeployment();
    client.resources(ScaledApi.class).inNamespace(NS).resource(scaledApi()).create();
    await().atMost(Duration.ofSeconds(20)).until(() -> status() != null);
    assertThat(replicas()).isEqualTo(1);

    // 2 workers of 50 ms serve 40 requests a second; 120 a second make the queue grow
    LoadConfig load =
        LoadConfig.parse(
            new String[] {
              "--url",
              "http://127.0.0.1:" + port + "/work",
              "--shape",
              "step",
              "--base-rate",
              "120",
              "--step-rate",
              "120",
              "--step-at",
              "1",
              "--compression",
              "1",
              "--max-requests",
              "600",
              "--duration",
              "2s"
            });
    long step = System.nanoTime();
    CompletableFuture<LoadReport> sent =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LoadGenerator.run(load);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> replicas() > 1);
    System.out.printf(
        "[timing] load step to the /scale write raising replicas: %d ms%n",
        Duration.ofNanos(System.nanoTime() - step).toMillis());

    LoadReport report = sent.get();
    System.out.println("[load] " + report);
    assertThat(report.ok()).isPositive();
    assertThat(report.errors()).isZero();
    // load over: replicas come down, but no sooner than one scale-down window after the last
    // scale-up (its recommendation is the peak the window holds), as the Rescaled events record
    int peak = replicas();
    assertThat(peak).isGreaterThan(1);
    await().atMost(Duration.ofSeconds(90)).until(() -> replicas() < peak);
    List<Event> rescaled = rescaled();
    Instant lastUp =
        time(rescaled.stream().filter(e -> !isDown(e)).reduce((x, y) -> y).orElseThrow());
    Instant firstDown =
        time(rescaled.stream().filter(QueueApiEndToEndIT::isDown).findFirst().orElseThrow());
    Duration held = Duration.between(lastUp, firstDown);
    System.out.printf(
        "[timing] replicas held at %d for %d ms after the last scale-up (scale-down window %d s)%n",
        peak, held.toMillis(), DOWN_WINDOW.toSeconds());
    assertThat(held)
        .as("Rescaled events: %s", rescaled.stream().map(Event::getMessage).toList())
        .isGreaterThanOrEqualTo(DOWN_WINDOW);
    PrometheusClient query =
        new PrometheusClient(PrometheusEndpoint.of(prometheus.baseUri(), Duration.ofSeconds(5)));
    // and by then the load is over: the queue has drained
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                query.query("sum(api_queue_requests_waiting)", Instant.now())
                        instanceof QueryResult.Value v
                    && v.value() == 0);
  }

  /** The operator's Rescaled events, oldest first. */
  static List<Event> rescaled() {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "Rescaled".equals(e.getReason()))
        .sorted(java.util.Comparator.comparing(QueueApiEndToEndIT::time))
        .toList();
  }

  static Instant time(Event e) {
    return Instant.parse(e.getEventTime().getTime());
  }

  /** "8 -> 6: ..." lowers replicas. */
  static boolean isDown(Event e) {
    String[] change = e.getMessage().split(":", 2)[0].split(" -> ");
    return Integer.parseInt(change[1].trim()) < Integer.parseInt(change[0].trim());
  }

  static ScaledApiSpec spec() {
    ScalingRulesSpec fastUp =
        new ScalingRulesSpec(
            0,
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PODS, 100, 15)));
    ScalingRulesSpec down =
        new ScalingRulesSpec(
            (int) DOWN_WINDOW.toSeconds(),
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PERCENT, 100, 15)));
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "queue-api"),
        1,
        10,
        "1s",
        null,
        new QueueSpec("sum(api_queue_requests_waiting)", 20.0),
        null,
        new ArrivalRateSpec("sum(rate(api_requests_arrived_total[1m]))"),
        null,
        new BehaviorSpec(fastUp, down),
        null,
        null,
        null,
        null);
  }

  static ScaledApi scaledApi() {
    ScaledApi sapi = new ScaledApi();
    sapi.getMetadata().setName("queue-api");
    sapi.getMetadata().setNamespace(NS);
    sapi.setSpec(spec());
    return sapi;
  }

  static Object status() {
    ScaledApi sapi = client.resources(ScaledApi.class).inNamespace(NS).withName("queue-api").get();
    return sapi == null ? null : sapi.getStatus();
  }

  static int replicas() {
    return client
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName("queue-api")
        .get()
        .getSpec()
        .getReplicas();
  }

  static void createDeployment() {
    if (client.namespaces().withName(NS).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .create();
    }
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("queue-api")
            .withNamespace(NS)
            .endMetadata()
            .withNewSpec()
            .withReplicas(1)
            .withNewSelector()
            .addToMatchLabels("app", "queue-api")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "queue-api")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("queue-api")
            .withImage("scaledapi/example-queue-api:0.1.0")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(NS).resource(d).create();
  }
}
