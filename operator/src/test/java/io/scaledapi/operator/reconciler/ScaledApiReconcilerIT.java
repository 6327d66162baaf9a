package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against a real Prometheus scraping a real exporter every second, and fabric8's
 * mock API server in CRUD mode holding the Deployments.
 */
@MockApiServer
class ScaledApiReconcilerIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration SCRAPE = Duration.ofSeconds(1);

  static KubernetesMockServer server;
  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static LiveStack stack;
  static MockCluster cluster;

  @BeforeAll
  static void startEverything() throws Exception {
    cluster = MockCluster.of(client);
    stack = LiveStack.start(cluster, Clock.systemUTC());
    exporter = stack.exporter();
    prometheus = stack.prometheus();
    System.out.println(
        "[real prometheus] ScaledApiReconcilerIT runs against " + prometheus.baseUri());
  }

  @AfterAll
  static void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void queueStepRaisesReplicasThroughScale() {
    String ns = "step";
    exporter.set(GAUGE, Map.of("app", ns), 0);
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, false, null));
    cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(0.0));
    assertThat(cluster.replicas(ns, "api")).isEqualTo(1);

    long step = System.nanoTime();
    exporter.set(GAUGE, Map.of("app", ns), 95);
    // one poll plus one scrape, with room for a shared machine: a deadline, not a measurement
    Duration limit = POLL.plus(SCRAPE).plusSeconds(3);
    await()
        .atMost(limit)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> cluster.replicas(ns, "api") == 10);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - step);
    System.out.printf(
        "[timing] queue step 0 -> 95 to /scale write of 10 replicas: %d ms%n", elapsed.toMillis());

    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.desiredReplicas()).isEqualTo(10);
          assertThat(s.lastScaleReason()).startsWith("1 -> 10: queue depth 95");
          assertThat(MockCluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True");
          assertThat(MockCluster.condition(s, Conditions.METRICS_AVAILABLE).getStatus())
              .isEqualTo("True");
          assertThat(MockCluster.condition(s, Conditions.SCALING_ACTIVE).getReason())
              .isEqualTo("QueueDepth");
        });
    assertThat(cluster.events(ns, "Rescaled"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Normal");
              assertThat(e.getMessage()).startsWith("1 -> 10: queue depth 95");
            });
  }

  @Test
  void conflictingHpaStopsScaling() {
    String ns = "hpa";
    exporter.set(GAUGE, Map.of("app", ns), 95);
    cluster.createDeployment(ns, "api", 1);
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("api-hpa")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withMaxReplicas(5)
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("api")
                .endScaleTargetRef()
                .endSpec()
                .build())
        .create();
    cluster.createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, false, null));
    cluster.awaitStatus(
        ns,
        s -> {
          Condition active = MockCluster.condition(s, Conditions.SCALING_ACTIVE);
          assertThat(active.getStatus()).isEqualTo("False");
          assertThat(active.getReason()).isEqualTo("ConflictingHPA");
          assertThat(active.getMessage()).contains("api-hpa");
        });
    assertThat(cluster.replicas(ns, "api")).isEqualTo(1);
    assertThat(cluster.events(ns, "ConflictingHPA")).hasSize(1);
  }

  // ---- helpers

  static ScaledApiSpec spec(
      String app, String target, Mode mode, boolean paused, String prometheusAddress) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", target),
        1,
        20,
        "1s",
        prometheusAddress == null ? null : new PrometheusSpec(prometheusAddress, null, null, "2s"),
        new QueueSpec("sum(" + GAUGE + "{app=\"" + app + "\"})", 10.0),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        mode,
        paused);
  }
}
