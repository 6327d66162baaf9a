package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenant isolation end to end: a real Prometheus holds the queue series of two namespaces, team-a
 * (5 waiting) and team-b (500 waiting); operators on the mock API server read it with and without
 * namespace isolation.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
@MockApiServer
class NamespaceIsolationIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String UNCONFINED = "sum(" + GAUGE + ")";

  static KubernetesMockServer server;
  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static MockCluster cluster;
  static ScaledApiOperator isolated;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void start() {
    exporter = TestExporter.start();
    exporter.set(GAUGE, Map.of("namespace", "team-a"), 5);
    exporter.set(GAUGE, Map.of("namespace", "team-b"), 500);
    prometheus = SharedPrometheus.scraping(exporter);
    cluster = MockCluster.of(client);
    isolated =
        cluster.startOperator(
            settings("isolated", Set.of("team-a", "team-c"))
                .withNamespaceIsolation(new NamespaceIsolation("namespace")));
  }

  @AfterAll
  static void stop() {
    if (isolated != null) {
      isolated.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  void aQueryWithoutNamespaceMatcherSeesOnlyItsOwnNamespace() {
    cluster.createDeployment("team-a", "api", 1);
    cluster.createScaledApi("team-a", spec(UNCONFINED));

    cluster.awaitStatus(
        "team-a",
        s -> {
          assertThat(s.signals().queueDepth().value()).isEqualTo(5.0);
          assertThat(s.desiredReplicas()).isEqualTo(5);
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.replicas("team-a", "api") == 5);
  }

  @Test
  void aQueryNamingAnotherNamespaceIsRefusedWithTheField() {
    cluster.createDeployment("team-c", "api", 3);
    cluster.createScaledApi("team-c", spec("sum(" + GAUGE + "{namespace=\"team-b\"})"));

    String expected =
        "spec.queue.query: selector "
            + GAUGE
            + "{namespace=\"team-b\"} selects namespace=\"team-b\", but this ScaledApi in"
            + " namespace \"team-c\" may only read its own namespace's series; remove that"
            + " matcher (the operator adds namespace=\"team-c\" to every selector)";
    cluster.awaitStatus(
        "team-c",
        s -> {
          Condition ready = MockCluster.condition(s, Conditions.READY);
          assertThat(ready.getStatus()).isEqualTo("False");
          assertThat(ready.getReason()).isEqualTo("InvalidSpec");
          assertThat(ready.getMessage()).isEqualTo(expected);
          assertThat(s.signals()).isNull();
        });
    assertThat(cluster.events("team-c", "InvalidSpec"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo(expected));
    assertThat(cluster.replicas("team-c", "api")).isEqualTo(3);
  }

  @Test
  void withoutIsolationTheSameQueryReadsEveryNamespace() {
    try (ScaledApiOperator open = cluster.startOperator(settings("open", Set.of("open")))) {
      cluster.createDeployment("open", "api", 1);
      cluster.createScaledApi("open", spec(UNCONFINED));

      cluster.awaitStatus(
          "open", s -> assertThat(s.signals().queueDepth().value()).isEqualTo(505.0));
      await().atMost(Duration.ofSeconds(10)).until(() -> cluster.replicas("open", "api") == 20);
    }
  }

  static ScaledApiOperator.Settings settings(String instance, Set<String> namespaces) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()),
        namespaces,
        Optional.empty(),
        false, // the mock API server refuses server-side apply with 415
        Clock.systemUTC(),
        instance);
  }

  /** One replica per waiting request, 1 to 20, polled every second. */
  static ScaledApiSpec spec(String query) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        1,
        20,
        "1s",
        null,
        new QueueSpec(query, 1.0),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        null,
        null);
  }
}
