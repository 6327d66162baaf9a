package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against a real Prometheus scraping a real exporter every second, and the real API
 * server holding the Deployments.
 */
class ScaledApiReconcilerIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String ARRIVALS = "api_requests_per_second";
  static final String PLATFORM_TEAM = "platform-team";
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration SCRAPE = Duration.ofSeconds(1);

  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static LiveStack stack;
  static RealCluster cluster;

  @BeforeAll
  static void startEverything() throws Exception {
    cluster = RealCluster.create("step", "hpa", "owned");
    client = cluster.client();
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
    String ns = cluster.ns("step");
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
          assertThat(Cluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True");
          assertThat(Cluster.condition(s, Conditions.METRICS_AVAILABLE).getStatus())
              .isEqualTo("True");
          assertThat(Cluster.condition(s, Conditions.SCALING_ACTIVE).getReason())
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
    String ns = cluster.ns("hpa");
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
          Condition active = Cluster.condition(s, Conditions.SCALING_ACTIVE);
          assertThat(active.getStatus()).isEqualTo("False");
          assertThat(active.getReason()).isEqualTo("ConflictingHPA");
          assertThat(active.getMessage()).contains("api-hpa");
        });
    assertThat(cluster.replicas(ns, "api")).isEqualTo(1);
    assertThat(cluster.events(ns, "ConflictingHPA")).hasSize(1);
  }

  /**
   * Status is written by server-side apply: the operator's field manager owns the status fields it
   * sets and nothing else, the platform team's the spec it applied; a status field the operator
   * stops setting is removed by its next apply, not left stale.
   */
  @Test
  void statusIsAppliedByTheOperatorAndAFieldItStopsSettingIsRemoved() {
    String ns = cluster.ns("owned");
    exporter.set(GAUGE, Map.of("app", ns), 0);
    exporter.set(ARRIVALS, Map.of("app", ns), 5);
    cluster.createDeployment(ns, "api", 1);
    ScaledApiSpec predicting =
        TestScaledApis.predicting(
            "sum(" + GAUGE + "{app=\"" + ns + "\"})",
            "sum(" + ARRIVALS + "{app=\"" + ns + "\"})",
            20,
            new PredictionSpec(true, "auto", "1h", null, null, null, null));
    applySpec(ns, predicting);
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.forecast()).isNotNull();
          assertThat(Cluster.condition(s, Conditions.PREDICTION_READY).getReason())
              .isEqualTo("InsufficientHistory");
        });
    ScaledApi read = scaledApi(ns);
    assertThat(read.getMetadata().getFinalizers()).as("finalizers").isEmpty();
    assertThat(read.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactlyInAnyOrder(PLATFORM_TEAM, ScaledApiReconciler.NAME);
    ManagedFieldsEntry operator = managedBy(read, ScaledApiReconciler.NAME);
    assertThat(operator.getOperation()).isEqualTo("Apply");
    assertThat(operator.getSubresource()).isEqualTo("status");
    assertThat(fields(operator)).containsOnlyKeys("f:status");
    assertThat(fields(operator, "f:status"))
        .containsKeys("f:conditions", "f:forecast", "f:signals", "f:desiredReplicas");
    ManagedFieldsEntry team = managedBy(read, PLATFORM_TEAM);
    assertThat(team.getOperation()).isEqualTo("Apply");
    assertThat(team.getSubresource()).isNull();
    assertThat(fields(team)).containsKey("f:spec").doesNotContainKey("f:status");
    System.out.printf(
        "[managedFields] %s%n",
        read.getMetadata().getManagedFields().stream()
            .map(m -> m.getManager() + " " + m.getOperation() + " " + fields(m).keySet())
            .toList());

    // the team turns prediction off: the operator's next apply leaves out what it no longer sets
    applySpec(ns, predicting.withPrediction(null));
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.forecast()).as("forecast").isNull();
          assertThat(Conditions.find(s.conditions(), Conditions.PREDICTION_READY)).isEmpty();
          assertThat(s.signals().arrivalRate().value()).isEqualTo(5.0);
        });
    assertThat(fields(managedBy(scaledApi(ns), ScaledApiReconciler.NAME), "f:status"))
        .containsKey("f:signals")
        .doesNotContainKey("f:forecast");
  }

  // ---- helpers

  /** Applies a ScaledApi with {@code spec} as the platform team's field manager. */
  static void applySpec(String ns, ScaledApiSpec spec) {
    client
        .resource(TestScaledApis.scaledApi(ns, spec))
        .fieldManager(PLATFORM_TEAM)
        .serverSideApply();
  }

  static ScaledApi scaledApi(String ns) {
    return client.resources(ScaledApi.class).inNamespace(ns).withName("api").get();
  }

  static ManagedFieldsEntry managedBy(ScaledApi sapi, String manager) {
    List<ManagedFieldsEntry> entries =
        sapi.getMetadata().getManagedFields().stream()
            .filter(m -> m.getManager().equals(manager))
            .toList();
    assertThat(entries).as("managedFields entries of %s", manager).hasSize(1);
    return entries.get(0);
  }

  /** The fields an entry of managedFields names, under {@code path} (keys such as "f:status"). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fields(ManagedFieldsEntry entry, String... path) {
    Map<String, Object> fields = entry.getFieldsV1().getAdditionalProperties();
    for (String key : path) {
      fields = (Map<String, Object>) fields.get(key);
    }
    return fields;
  }

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
