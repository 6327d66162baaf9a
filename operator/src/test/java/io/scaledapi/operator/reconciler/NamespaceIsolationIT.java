package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.promql.NamespaceIsolation;
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
 * (5 waiting) and team-b (500 waiting); operators on the real API server read it with and without
 * namespace isolation.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
class NamespaceIsolationIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String UNCONFINED = "sum(" + GAUGE + ")";

  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static RealCluster cluster;
  static String teamA;
  static String teamB;
  static String teamC;
  static ScaledApiOperator isolated;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("team-a", "team-b", "team-c", "open");
    teamA = cluster.ns("team-a");
    teamB = cluster.ns("team-b");
    teamC = cluster.ns("team-c");
    exporter = TestExporter.start();
    exporter.set(GAUGE, Map.of("namespace", teamA), 5);
    exporter.set(GAUGE, Map.of("namespace", teamB), 500);
    prometheus = SharedPrometheus.scraping(exporter);
    isolated =
        cluster.startOperator(
            settings("isolated", Set.of(teamA, teamC))
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
    cluster.createDeployment(teamA, "api", 1);
    cluster.createScaledApi(teamA, spec(UNCONFINED));

    cluster.awaitStatus(
        teamA,
        s -> {
          assertThat(s.signals().queueDepth().value()).isEqualTo(5.0);
          assertThat(s.desiredReplicas()).isEqualTo(5);
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.replicas(teamA, "api") == 5);
  }

  @Test
  void aQueryNamingAnotherNamespaceIsRefusedWithTheField() {
    cluster.createDeployment(teamC, "api", 3);
    cluster.createScaledApi(teamC, spec("sum(" + GAUGE + "{namespace=\"" + teamB + "\"})"));

    String expected =
        String.format(
            "spec.queue.query: selector %s{namespace=\"%s\"} selects namespace=\"%s\", but this"
                + " ScaledApi in namespace \"%s\" may only read its own namespace's series; remove"
                + " that matcher (the operator adds namespace=\"%s\" to every selector)",
            GAUGE, teamB, teamB, teamC, teamC);
    cluster.awaitStatus(
        teamC,
        s -> {
          Condition ready = Cluster.condition(s, Conditions.READY);
          assertThat(ready.getStatus()).isEqualTo("False");
          assertThat(ready.getReason()).isEqualTo("InvalidSpec");
          assertThat(ready.getMessage()).isEqualTo(expected);
          assertThat(s.signals()).isNull();
        });
    assertThat(cluster.events(teamC, "InvalidSpec"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo(expected));
    assertThat(cluster.replicas(teamC, "api")).isEqualTo(3);
  }

  @Test
  void withoutIsolationTheSameQueryReadsEveryNamespace() {
    String ns = cluster.ns("open");
    try (ScaledApiOperator open = cluster.startOperator(settings("open", Set.of(ns)))) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(UNCONFINED));

      cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(505.0));
      await().atMost(Duration.ofSeconds(10)).until(() -> cluster.replicas(ns, "api") == 20);
    }
  }

  static ScaledApiOperator.Settings settings(String instance, Set<String> namespaces) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()),
        namespaces,
        Optional.empty(),
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
