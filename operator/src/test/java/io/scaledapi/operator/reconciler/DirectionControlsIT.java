package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The controls that act on one direction of scaling, as a user sees them on the real API server
 * with the generated CRD, a real Prometheus scraping a real exporter every second, and the
 * operator: {@code fallback.behavior}, the per-direction {@code behavior.*.tolerance}, and {@code
 * pausedScaleUp} / {@code pausedScaleDown}. Each ScaledApi is created from the YAML a user would
 * write, so that the schema and its defaults apply, and each polls every second with no scale-down
 * window: whatever a test says is held would otherwise move within a poll or two.
 *
 * <p>One class, one operator and one exporter for the three tests: they run side by side, each with
 * namespaces, Deployments, ScaledApis and queue series of its own, so that starting an operator and
 * an exporter once is the only thing they share.
 */
class DirectionControlsIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration POLL = Duration.ofSeconds(1);
  static final String NO_SERIES =
      "query returned no series; check the metric name and labels (no data is not read as 0)";

  static RealCluster cluster;
  static KubernetesClient client;
  static LiveStack stack;
  static TestExporter exporter;

  @BeforeAll
  static void startEverything() {
    cluster =
        RealCluster.create(
            "fallback-static",
            "fallback-default",
            "fallback-lower",
            "fallback-lower-held",
            "tolerance-own",
            "tolerance-shared",
            "tolerance-default",
            "paused-down",
            "paused-up");
    client = cluster.client();
    stack = LiveStack.start(cluster, Clock.systemUTC());
    exporter = stack.exporter();
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

  /**
   * At 5 replicas the queue series disappears (a failed read, not a 0). After 3 failed polls,
   * {@code static} with replicas 2 lowers the Deployment to 2 in one step, and {@code
   * currentReplicasIfLower} with 2 does the same; the default behaviour with replicas 2
   * (currentReplicasIfHigher) holds 5, and {@code currentReplicasIfLower} with 8 holds 5 too, where
   * static or the default would raise to 8. Each status says Fallback, with the count of failures,
   * the cause and what the fallback did.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void fallbackBehaviourDecidesWhetherAnOutageLowersReplicas() {
    String lowered = cluster.ns("fallback-static");
    String held = cluster.ns("fallback-default");
    String lowerIf = cluster.ns("fallback-lower");
    String lowerIfHeld = cluster.ns("fallback-lower-held");
    Map<String, String> fallbacks =
        Map.of(
            lowered, "{failureThreshold: 3, replicas: 2, behavior: static}",
            held, "{failureThreshold: 3, replicas: 2}",
            lowerIf, "{failureThreshold: 3, replicas: 2, behavior: currentReplicasIfLower}",
            lowerIfHeld, "{failureThreshold: 3, replicas: 8, behavior: currentReplicasIfLower}");
    Map<String, ReplicaTrail> trails = new HashMap<>();
    try {
      fallbacks.forEach(
          (ns, fallback) -> {
            setQueue(ns, 50);
            trails.put(ns, new ReplicaTrail(client, ns, "api"));
            cluster.createDeployment(ns, "api", 5);
            createScaledApi(
                ns,
                """
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 0
                  fallback: %s
                """
                    .formatted(fallback));
          });
      for (String ns : fallbacks.keySet()) {
        cluster.awaitStatus(
            ns,
            s -> {
              assertThat(s.signals().queueDepth().value()).isEqualTo(50.0);
              assertThat(condition(s, Conditions.METRICS_AVAILABLE).getStatus()).isEqualTo("True");
            });
        assertThat(cluster.replicas(ns, "api")).isEqualTo(5);
      }

      fallbacks.keySet().forEach(DirectionControlsIT::hideQueue);

      // static: straight to 2 at the third failed poll, not before (no count in between)
      awaitFallback(lowered, 2, "fallback to 2 replicas");
      String lowering =
          "5 -> 2: 3 consecutive metric failures (queue: "
              + NO_SERIES
              + "); fallback static lowers to 2 replicas";
      assertThat(cluster.status(lowered).lastScaleReason()).isEqualTo(lowering);
      assertThat(trails.get(lowered).values()).containsExactly(5, 2);
      assertThat(cluster.events(lowered, "Rescaled"))
          .singleElement()
          .satisfies(e -> assertThat(e.getMessage()).isEqualTo(lowering));

      awaitFallback(lowerIf, 2, "fallback to 2 replicas");
      assertThat(cluster.status(lowerIf).lastScaleReason())
          .isEqualTo(
              "5 -> 2: 3 consecutive metric failures (queue: "
                  + NO_SERIES
                  + "); fallback currentReplicasIfLower lowers to 2 replicas");
      assertThat(trails.get(lowerIf).values()).containsExactly(5, 2);

      // the default never lowers, and currentReplicasIfLower never raises: both hold 5 over
      // several polls past the threshold
      awaitFallback(held, 5, "fallback 2 is below current, holding 5 replicas");
      awaitFallback(lowerIfHeld, 5, "fallback 8 is above current, holding 5 replicas");
      for (String ns : List.of(held, lowerIfHeld)) {
        holds(ns, 5);
        assertThat(trails.get(ns).values()).as("replicas of %s", ns).containsExactly(5);
        assertThat(cluster.status(ns).lastScaleReason()).as("lastScaleReason of %s", ns).isNull();
      }
    } finally {
      trails.values().forEach(ReplicaTrail::close);
    }
  }

  /**
   * Tolerance per direction, at 10 replicas of 10 waiting requests each. With {@code
   * scaleUp.tolerance: 0.02} a queue 5% over target (105) scales up to 11, and with {@code
   * scaleDown.tolerance: 0.2} a queue 15% under target (93.5 at 11) holds, WithinTolerance; a
   * ScaledApi with the default 0.1 does neither (it holds at 105, and scales 10 to 9 at 85), so
   * each number can fail. A third ScaledApi sets the deprecated {@code tolerance: 0.2} and only
   * {@code scaleUp.tolerance: 0.02}: its own tolerance wins for scale-up, the top-level one applies
   * to scale-down.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void eachDirectionHasItsOwnTolerance() {
    String own = cluster.ns("tolerance-own");
    String shared = cluster.ns("tolerance-shared");
    String hpaDefault = cluster.ns("tolerance-default");
    create(
        own,
        10,
        100,
        """
          behavior:
            scaleUp:
              tolerance: 0.02
            scaleDown:
              stabilizationWindowSeconds: 0
              tolerance: 0.2
        """);
    create(
        shared,
        10,
        100,
        """
          tolerance: 0.2
          behavior:
            scaleUp:
              tolerance: 0.02
            scaleDown:
              stabilizationWindowSeconds: 0
        """);
    create(
        hpaDefault,
        10,
        100,
        """
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 0
        """);
    for (String ns : List.of(own, shared, hpaDefault)) {
      awaitWithinTolerance(ns, 100, 10);
    }

    // 5% over target: over 2%, within 10%
    for (String ns : List.of(own, shared, hpaDefault)) {
      setQueue(ns, 105);
    }
    for (String ns : List.of(own, shared)) {
      awaitReplicas(ns, 11);
      cluster.awaitStatus(
          ns,
          s ->
              assertThat(s.lastScaleReason())
                  .isEqualTo(
                      "10 -> 11: queue depth 105 over target 10 per replica -> 11 replicas"));
    }
    awaitWithinTolerance(hpaDefault, 105, 10);
    holds(hpaDefault, 10);

    // 15% under target: within 20%, beyond 10%
    setQueue(own, 93.5);
    setQueue(shared, 93.5);
    setQueue(hpaDefault, 85);
    awaitReplicas(hpaDefault, 9);
    cluster.awaitStatus(
        hpaDefault,
        s ->
            assertThat(s.lastScaleReason())
                .isEqualTo("10 -> 9: queue depth 85 under target 10 per replica -> 9 replicas"));
    for (String ns : List.of(own, shared)) {
      awaitWithinTolerance(ns, 93.5, 11);
      holds(ns, 11);
    }
  }

  /**
   * {@code pausedScaleDown: true} holds 5 replicas while the queue empties (ScalingLimited True,
   * ScaleDownPaused; status.mode ScaleDownPaused) and still scales up; once a patch through the API
   * server sets it to false, the Deployment goes down to minReplicas. {@code pausedScaleUp: true}
   * holds 5 against a rising queue, still scales down, and scales up once unpaused.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void aPausedDirectionIsNeverMovedInAndUnpausingMovesIt() {
    String down = cluster.ns("paused-down");
    String up = cluster.ns("paused-up");
    String fastBehavior =
        """
          behavior:
            scaleUp:
              policies:
                - type: Pods
                  value: 100
                  periodSeconds: 15
            scaleDown:
              stabilizationWindowSeconds: 0
        """;
    create(down, 5, 50, "  pausedScaleDown: true\n" + fastBehavior);
    create(up, 5, 50, "  pausedScaleUp: true\n" + fastBehavior);
    cluster.awaitStatus(down, s -> assertThat(s.mode()).isEqualTo("ScaleDownPaused"));
    cluster.awaitStatus(up, s -> assertThat(s.mode()).isEqualTo("ScaleUpPaused"));

    // each against the paused direction: held, and the status says by what
    setQueue(down, 0);
    setQueue(up, 150);
    awaitPausedHold(down, 0, "ScaleDownPaused", 0, 5);
    awaitPausedHold(up, 150, "ScaleUpPaused", 15, 5);
    holds(down, 5);
    holds(up, 5);

    // the other direction still moves
    setQueue(down, 80);
    setQueue(up, 20);
    awaitReplicas(down, 8);
    awaitReplicas(up, 2);
    setQueue(down, 0);
    setQueue(up, 150);
    awaitPausedHold(down, 0, "ScaleDownPaused", 0, 8);
    awaitPausedHold(up, 150, "ScaleUpPaused", 15, 2);
    holds(down, 8);
    holds(up, 2);

    // unpaused through the API server, as kubectl patch --type merge would
    patchSpec(down, "{\"spec\":{\"pausedScaleDown\":false}}");
    patchSpec(up, "{\"spec\":{\"pausedScaleUp\":false}}");
    awaitReplicas(down, 1);
    awaitReplicas(up, 15);
    cluster.awaitStatus(
        down,
        s -> {
          assertThat(s.mode()).isEqualTo("Enforce");
          assertThat(s.lastScaleReason()).startsWith("8 -> 1: queue depth 0 under target");
        });
    cluster.awaitStatus(
        up,
        s -> {
          assertThat(s.mode()).isEqualTo("Enforce");
          assertThat(s.lastScaleReason())
              .isEqualTo("2 -> 15: queue depth 150 over target 10 per replica -> 15 replicas");
          assertThat(condition(s, Conditions.SCALING_LIMITED).getStatus()).isEqualTo("False");
        });
  }

  // ---- helpers

  /**
   * Deployment "api" at {@code replicas}, queue {@code queue}, and a ScaledApi scaling it between 1
   * and 20 with {@code specTail} (spec fields, indented two spaces) added.
   */
  static void create(String ns, int replicas, double queue, String specTail) {
    setQueue(ns, queue);
    cluster.createDeployment(ns, "api", replicas);
    createScaledApi(ns, specTail);
    cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(queue));
    assertThat(cluster.replicas(ns, "api")).isEqualTo(replicas);
  }

  /**
   * Creates ScaledApi "api" in {@code ns} from YAML, as {@code kubectl create -f} would send it:
   * Deployment "api" between 1 and 20 replicas, polled every second, one replica per 10 requests of
   * the namespace's queue series, and {@code specTail} (spec fields, indented two spaces).
   */
  static void createScaledApi(String ns, String specTail) {
    String yaml =
        """
        apiVersion: autoscaling.scaledapi.io/v1alpha1
        kind: ScaledApi
        metadata:
          name: api
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: api
          minReplicas: 1
          maxReplicas: 20
          pollingInterval: 1s
          queue:
            query: sum(%s{app="%s"})
            targetPerReplica: 10
        """
                .formatted(GAUGE, ns)
            + specTail;
    client
        .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
        .inNamespace(ns)
        .resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class))
        .create();
  }

  static void patchSpec(String ns, String mergePatch) {
    client
        .resources(ScaledApi.class)
        .inNamespace(ns)
        .withName("api")
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  static void setQueue(String ns, double depth) {
    exporter.set(GAUGE, Map.of("app", ns), depth);
  }

  /** Removes the queue series: Prometheus marks it stale, and the query finds no series. */
  static void hideQueue(String ns) {
    exporter.remove(GAUGE, Map.of("app", ns));
  }

  static void awaitReplicas(String ns, int replicas) {
    await("replicas of " + ns)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(cluster.replicas(ns, "api")).isEqualTo(replicas));
  }

  /** The Deployment stays at {@code replicas} over several more polls. */
  static void holds(String ns, int replicas) {
    await("replicas of " + ns + " held at " + replicas)
        .during(POLL.multipliedBy(4))
        .atMost(POLL.multipliedBy(8))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> cluster.replicas(ns, "api") == replicas);
  }

  /** Failed polls past the threshold, with the Deployment at {@code replicas}. */
  static void awaitFallback(String ns, int replicas, String action) {
    await("fallback in " + ns)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ScaledApiStatus s = cluster.status(ns);
              assertThat(s.consecutiveMetricFailures()).isGreaterThanOrEqualTo(3);
              Condition metrics = condition(s, Conditions.METRICS_AVAILABLE);
              assertThat(metrics.getStatus()).isEqualTo("False");
              assertThat(metrics.getReason()).isEqualTo("Fallback");
              assertThat(metrics.getMessage())
                  .matches("[0-9]+ consecutive metric failures \\(queue: .*\\); .*")
                  .contains("(queue: " + NO_SERIES + "); ")
                  .endsWith(action);
              assertThat(condition(s, Conditions.READY).getReason())
                  .isEqualTo("MetricsUnavailable");
              assertThat(cluster.replicas(ns, "api")).isEqualTo(replicas);
            });
  }

  static void awaitWithinTolerance(String ns, double queue, int replicas) {
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.signals().queueDepth().value()).isEqualTo(queue);
          Condition active = condition(s, Conditions.SCALING_ACTIVE);
          assertThat(active.getReason()).isEqualTo("WithinTolerance");
          assertThat(active.getMessage())
              .isEqualTo(
                  "queue depth "
                      + (queue == Math.rint(queue) ? Long.toString((long) queue) : queue)
                      + " within tolerance of "
                      + replicas
                      + " x 10");
          assertThat(s.desiredReplicas()).isEqualTo(replicas);
        });
  }

  /**
   * The queue read, {@code recommended} replicas recommended and {@code held} kept by the paused
   * direction ({@code reason}, as status.mode names it too), as ScalingLimited and ScalingActive
   * say.
   */
  static void awaitPausedHold(String ns, double queue, String reason, int recommended, int held) {
    String field = reason.equals("ScaleUpPaused") ? "pausedScaleUp" : "pausedScaleDown";
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.signals().queueDepth().value()).isEqualTo(queue);
          Condition limited = condition(s, Conditions.SCALING_LIMITED);
          assertThat(limited.getStatus()).isEqualTo("True");
          assertThat(limited.getReason()).isEqualTo(reason);
          assertThat(limited.getMessage())
              .isEqualTo("recommended " + recommended + ", limited to " + held);
          assertThat(condition(s, Conditions.SCALING_ACTIVE).getMessage())
              .endsWith("; held at " + held + " by spec." + field);
          assertThat(s.desiredReplicas()).isEqualTo(held);
          assertThat(s.mode()).isEqualTo(reason);
        });
  }

  static Condition condition(ScaledApiStatus s, String type) {
    return Cluster.condition(s, type);
  }
}
