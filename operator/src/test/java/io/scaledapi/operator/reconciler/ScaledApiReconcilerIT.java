package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.api.v1alpha1.SelectPolicy;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against a real Prometheus scraping a real exporter every second, and fabric8's
 * mock API server in CRUD mode holding the Deployments.
 */
@EnableKubernetesMockClient(crud = true)
class ScaledApiReconcilerIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration SCRAPE = Duration.ofSeconds(1);

  static KubernetesMockServer server;
  static KubernetesClient client;
  static TestExporter exporter;
  static PrometheusProcess prometheus;
  static ScaledApiOperator operator;

  @BeforeAll
  static void startEverything() throws Exception {
    exporter = TestExporter.start();
    prometheus = PrometheusProcess.start(List.of(exporter.target()), SCRAPE);
    prometheus.awaitTargetUp(Duration.ofSeconds(30));
    System.out.println(
        "[real prometheus] ScaledApiReconcilerIT runs against " + prometheus.baseUri());
    operator =
        ScaledApiOperator.create(
            client,
            new ScaledApiOperator.Settings(
                Optional.of(prometheus.baseUri()),
                Set.of(),
                Optional.empty(),
                false, // the mock API server refuses server-side apply with 415
                Clock.systemUTC(),
                "it"),
            new SimpleMeterRegistry());
    operator.start();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  void queueStepRaisesReplicasThroughScale() {
    String ns = "step";
    exporter.set(GAUGE, Map.of("app", ns), 0);
    createDeployment(ns, "api", 1);
    createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, false, null));
    awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(0.0));
    assertThat(replicas(ns, "api")).isEqualTo(1);

    long step = System.nanoTime();
    exporter.set(GAUGE, Map.of("app", ns), 95);
    Duration limit = POLL.plus(SCRAPE).plusSeconds(1);
    await()
        .atMost(limit.plusSeconds(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> replicas(ns, "api") == 10);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - step);
    System.out.printf(
        "[timing] queue step 0 -> 95 to /scale write of 10 replicas: %d ms (bound %d ms)%n",
        elapsed.toMillis(), limit.toMillis());
    assertThat(elapsed).isLessThanOrEqualTo(limit);

    awaitStatus(
        ns,
        s -> {
          assertThat(s.desiredReplicas()).isEqualTo(10);
          assertThat(s.lastScaleReason()).startsWith("1 -> 10: queue depth 95");
          assertThat(condition(s, Conditions.READY).getStatus()).isEqualTo("True");
          assertThat(condition(s, Conditions.METRICS_AVAILABLE).getStatus()).isEqualTo("True");
          assertThat(condition(s, Conditions.SCALING_ACTIVE).getReason()).isEqualTo("QueueDepth");
        });
    assertThat(events(ns, "Rescaled"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Normal");
              assertThat(e.getMessage()).startsWith("1 -> 10: queue depth 95");
            });
  }

  @Test
  void dryRunReportsButNeverWrites() {
    String ns = "dryrun";
    exporter.set(GAUGE, Map.of("app", ns), 95);
    createDeployment(ns, "api", 1);
    createScaledApi(ns, spec(ns, "api", Mode.DRY_RUN, false, null));
    awaitStatus(
        ns,
        s -> {
          assertThat(s.desiredReplicas()).isEqualTo(10);
          assertThat(condition(s, Conditions.SCALING_ACTIVE).getReason()).isEqualTo("DryRun");
          assertThat(condition(s, Conditions.SCALING_ACTIVE).getMessage())
              .startsWith("would scale 1 -> 10");
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> !events(ns, "DryRunRescale").isEmpty());
    assertThat(replicas(ns, "api")).isEqualTo(1);
    assertThat(events(ns, "Rescaled")).isEmpty();
  }

  @Test
  void pausedReportsButNeverWrites() {
    String ns = "paused";
    exporter.set(GAUGE, Map.of("app", ns), 95);
    createDeployment(ns, "api", 1);
    createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, true, null));
    awaitStatus(
        ns,
        s -> {
          assertThat(s.desiredReplicas()).isEqualTo(10);
          Condition active = condition(s, Conditions.SCALING_ACTIVE);
          assertThat(active.getStatus()).isEqualTo("False");
          assertThat(active.getReason()).isEqualTo("Paused");
        });
    assertThat(replicas(ns, "api")).isEqualTo(1);
    assertThat(events(ns, "Rescaled")).isEmpty();
  }

  @Test
  void prometheusDownNeverScalesDownAndWarnsOnce() throws Exception {
    String ns = "promdown";
    exporter.set(GAUGE, Map.of("app", ns), 50);
    try (PrometheusProcess own = PrometheusProcess.start(List.of(exporter.target()), SCRAPE)) {
      own.awaitTargetUp(Duration.ofSeconds(30));
      createDeployment(ns, "api", 1);
      createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, false, own.baseUri().toString()));
      await().atMost(Duration.ofSeconds(20)).until(() -> replicas(ns, "api") == 5);

      own.stop();
      exporter.set(GAUGE, Map.of("app", ns), 0); // would mean 1 replica, were it read
      awaitStatus(
          ns,
          s -> {
            assertThat(s.consecutiveMetricFailures()).isGreaterThanOrEqualTo(4);
            Condition metrics = condition(s, Conditions.METRICS_AVAILABLE);
            assertThat(metrics.getStatus()).isEqualTo("False");
            assertThat(metrics.getMessage()).contains("cannot connect");
            assertThat(condition(s, Conditions.READY).getStatus()).isEqualTo("False");
          });
      assertThat(replicas(ns, "api")).isEqualTo(5);
      assertThat(events(ns, "MetricsUnavailable"))
          .singleElement()
          .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
    }
  }

  @Test
  void conflictingHpaStopsScaling() {
    String ns = "hpa";
    exporter.set(GAUGE, Map.of("app", ns), 95);
    createDeployment(ns, "api", 1);
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
    createScaledApi(ns, spec(ns, "api", Mode.ENFORCE, false, null));
    awaitStatus(
        ns,
        s -> {
          Condition active = condition(s, Conditions.SCALING_ACTIVE);
          assertThat(active.getStatus()).isEqualTo("False");
          assertThat(active.getReason()).isEqualTo("ConflictingHPA");
          assertThat(active.getMessage()).contains("api-hpa");
        });
    assertThat(replicas(ns, "api")).isEqualTo(1);
    assertThat(events(ns, "ConflictingHPA")).hasSize(1);
  }

  @Test
  void badTargetNameIsReportedOnce() {
    String ns = "badtarget";
    exporter.set(GAUGE, Map.of("app", ns), 95);
    createScaledApi(ns, spec(ns, "no-such-api", Mode.ENFORCE, false, null));
    awaitStatus(
        ns,
        s -> {
          Condition ready = condition(s, Conditions.READY);
          assertThat(ready.getStatus()).isEqualTo("False");
          assertThat(ready.getReason()).isEqualTo("TargetNotFound");
          assertThat(ready.getMessage())
              .contains("Deployment/no-such-api does not exist in namespace badtarget");
        });
    // one event per problem, not one per poll: it stays one across several polls
    await()
        .during(POLL.multipliedBy(4))
        .atMost(POLL.multipliedBy(8))
        .until(() -> events(ns, "TargetNotFound").size() == 1);
  }

  // ---- helpers

  static ScaledApiSpec spec(
      String app, String target, Mode mode, boolean paused, String prometheusAddress) {
    ScalingRulesSpec fastUp =
        new ScalingRulesSpec(
            0,
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PODS, 100, 15)));
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
        new BehaviorSpec(fastUp, null),
        null,
        null,
        mode,
        paused);
  }

  static void createDeployment(String ns, String name, int replicas) {
    ensureNamespace(ns);
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("api")
            .withImage("example/api:1")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(ns).resource(d).create();
  }

  static void createScaledApi(String ns, ScaledApiSpec spec) {
    ensureNamespace(ns);
    ScaledApi sapi = TestScaledApis.scaledApi(ns, spec);
    client.resources(ScaledApi.class).inNamespace(ns).resource(sapi).create();
  }

  static void ensureNamespace(String ns) {
    if (client.namespaces().withName(ns).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  static int replicas(String ns, String name) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
    return d.getSpec().getReplicas();
  }

  static ScaledApiStatus status(String ns) {
    ScaledApi sapi = client.resources(ScaledApi.class).inNamespace(ns).withName("api").get();
    return sapi == null ? null : sapi.getStatus();
  }

  static void awaitStatus(String ns, java.util.function.Consumer<ScaledApiStatus> check) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ScaledApiStatus s = status(ns);
              assertThat(s).as("status of %s/api", ns).isNotNull();
              check.accept(s);
            });
  }

  static Condition condition(ScaledApiStatus s, String type) {
    return Conditions.find(s.conditions(), type)
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + s.conditions()));
  }

  static List<Event> events(String ns, String reason) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }
}
