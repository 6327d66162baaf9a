package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.PrometheusTlsSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.testing.FakeHttpServer;
import io.scaledapi.operator.testing.SelfSignedCertificate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each JDK HTTP client runs a selector thread until it is garbage. Edits of a ScaledApi's timeout,
 * token rotations and deletes must not leave clients, and so threads, behind.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
class SharedHttpClientsIT {
  static final String ONE_SERIES =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + "{\"metric\":{},\"value\":[1700000000,\"42\"]}]}}";
  static final Duration RECLAIM = Duration.ofSeconds(60);

  static RealCluster cluster;
  static KubernetesClient client;

  private FakeHttpServer server;

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("edits", "deleted");
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void timeoutEditsAndTokenRotationsLeaveNoThreadsBehind() {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES);
    Set<String> before = selectorThreads();
    PrometheusSources sources = new PrometheusSources(client, Optional.empty());
    String ns = cluster.ns("edits");
    token(ns, 0);
    for (int edit = 0; edit < 150; edit++) {
      read(sources, scaledApi(ns, (1000 + edit) + "ms"));
    }
    int afterEdits = newSelectorThreads(before).size();
    for (int rotation = 1; rotation <= 50; rotation++) {
      token(ns, rotation);
      read(sources, scaledApi(ns, "2s"));
    }
    int afterRotations = newSelectorThreads(before).size();

    long start = System.nanoTime();
    await("selector threads of unused clients end")
        .atMost(RECLAIM)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              System.gc();
              assertThat(newSelectorThreads(before))
                  .as("selector threads started since the test began")
                  .hasSizeLessThanOrEqualTo(1);
            });
    System.out.printf(
        "[threads] new selector threads: %d after 150 timeout edits, %d after 50 token"
            + " rotations, %d after %d ms of collection%n",
        afterEdits,
        afterRotations,
        newSelectorThreads(before).size(),
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    assertThat(sources).isNotNull(); // still in use: its one client may stay
  }

  @Test
  void aDeletedScaledApiReleasesItsClient() {
    SelfSignedCertificate certificate = SelfSignedCertificate.generate("prometheus");
    server = FakeHttpServer.https(certificate.serverContext()).respondJson(200, ONE_SERIES);
    String ns = cluster.ns("deleted");
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("prometheus-ca")
                .withNamespace(ns)
                .withLabels(Map.of(PrometheusSources.OPT_IN_LABEL, "true"))
                .endMetadata()
                .withData(Map.of("ca.crt", certificate.pem()))
                .build())
        .create();
    Set<String> before = selectorThreads();
    try (ScaledApiOperator operator =
        cluster.startOperator(
            URI.create("http://127.0.0.1:9"), Clock.systemUTC(), List.of(server.baseUri()))) {
      cluster.createDeployment(ns, "api", 1);
      PrometheusSpec tls =
          new PrometheusSpec(
              server.baseUri().toString(),
              null,
              new PrometheusTlsSpec(new CaSource(null, "prometheus-ca", null)),
              "10s"); // the first TLS handshake of a loaded machine can take seconds
      cluster.createScaledApi(ns, TestScaledApis.minimalSpec(tls));
      cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(42.0));
      int whileUsed = newSelectorThreads(before).size();
      assertThat(whileUsed).as("selector threads while the ScaledApi is read").isPositive();

      cluster.deleteScaledApi(ns);
      long start = System.nanoTime();
      await("the deleted ScaledApi's client ends its selector thread")
          .atMost(RECLAIM)
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                System.gc();
                assertThat(newSelectorThreads(before))
                    .as("selector threads started since the operator started")
                    .isEmpty();
              });
      System.out.printf(
          "[threads] %d new selector thread(s) while used, none %d ms after the delete%n",
          whileUsed, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
  }

  private static void read(PrometheusSources sources, ScaledApi scaledApi) {
    QueryResult result = sources.sourceFor(scaledApi).query("up", Instant.now());
    assertThat(result).isInstanceOf(QueryResult.Value.class);
  }

  private ScaledApi scaledApi(String ns, String timeout) {
    PrometheusSpec spec =
        new PrometheusSpec(
            server.baseUri().toString(),
            new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null),
            null,
            timeout);
    ScaledApiSpec full = TestScaledApis.minimalSpec(spec);
    return TestScaledApis.scaledApi(ns, full);
  }

  private static void token(String ns, int rotation) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prom-token")
                .withNamespace(ns)
                .withLabels(Map.of(PrometheusSources.OPT_IN_LABEL, "true"))
                .endMetadata()
                .withStringData(Map.of("token", "token-" + rotation))
                .build())
        .createOr(existing -> existing.update());
  }

  /** The names of the live selector threads of JDK HTTP clients. */
  static Set<String> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.matches("HttpClient-\\d+-SelectorManager"))
        .collect(Collectors.toSet());
  }

  private static Set<String> newSelectorThreads(Set<String> before) {
    Set<String> now = selectorThreads();
    now.removeAll(before);
    return now;
  }
}
