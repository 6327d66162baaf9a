package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.FaultStack.GAUGE;
import static io.scaledapi.operator.reconciler.FaultStack.desiredGauge;
import static io.scaledapi.operator.reconciler.FaultStack.fastUp;
import static io.scaledapi.operator.reconciler.FaultStack.queue;
import static io.scaledapi.operator.reconciler.FaultStack.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Faults of the API server around the operator: a write conflict on {@code /scale}, a concurrent
 * change before a status write, the target deleted and recreated, the ScaledApi deleted. A real
 * Prometheus scrapes a real exporter every second; the API server is the real one, and its
 * conflicts are real (another writer changes the Deployment just before the operator writes). Each
 * test runs its own operator, watching only its namespace; a watch records every replica count the
 * Deployment takes. The tests run side by side, each on its namespace's faults, queue series and
 * calls alone.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
class ApiFaultsIT {
  static final Duration POLL = Duration.ofSeconds(1);

  static FaultStack stack;
  static RealCluster cluster;
  static KubernetesClient client;
  static ApiFaults faults;

  @BeforeAll
  static void start() {
    stack = FaultStack.start("conflict", "status", "recreate", "deleted");
    cluster = stack.cluster();
    client = cluster.client();
    faults = stack.faults();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void conflictOnScaleIsRetriedWithAFreshReadAndNeverOvershoots() {
    String ns = cluster.ns("conflict");
    stack.setQueue(ns, 0);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = stack.operator(ns)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(0.0));

      // a rising signal, each step's first write refused by a concurrent change of the target
      faults.conflictOnScale(ns, 1);
      stack.setQueue(ns, 45);
      cluster.awaitReplicas(ns, 5);
      faults.conflictOnScale(ns, 1);
      stack.setQueue(ns, 95);
      cluster.awaitReplicas(ns, 10);

      cluster.awaitConverged(ns, 10);
      assertThat(trail.values())
          .as("replicas the Deployment went through")
          .containsExactly(1, 5, 10);
      assertThat(faults.answered(ns, "PUT", "/scale", 409)).isEqualTo(2);
      assertThat(faults.answered(ns, "PUT", "/scale", 200)).isEqualTo(2);
      assertThat(cluster.events(ns, "FailedRescale"))
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getMessage())
                    .startsWith(
                        "cannot write /scale of Deployment/api (HTTP 409): Operation cannot be"
                            + " fulfilled")
                    .contains("the object has been modified")
                    .endsWith("; the next poll reads it again and retries");
              });
      assertThat(cluster.events(ns, "Rescaled"))
          .extracting(Event::getMessage)
          .satisfiesExactlyInAnyOrder(
              m -> assertThat(m).startsWith("1 -> 5: queue depth 45"),
              m -> assertThat(m).startsWith("5 -> 10: queue depth 95"));
    }
  }

  /**
   * Another writer changes the ScaledApi just before the operator writes the status of the
   * reconcile that scales: the apply lands all the same (it is forced and carries no
   * resourceVersion), and the scale is recorded without a second write of {@code /scale}.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void statusWriteAfterAConcurrentChangeLandsWithoutASecondScaleWrite() {
    String ns = cluster.ns("status");
    stack.setQueue(ns, 0);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = stack.operator(ns)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(0.0));

      faults.changeBeforeStatusWrite(ns);
      stack.setQueue(ns, 45);
      cluster.awaitReplicas(ns, 5);
      cluster.awaitConverged(ns, 5);
      cluster.awaitStatus(
          ns, s -> assertThat(s.lastScaleReason()).startsWith("1 -> 5: queue depth 45"));
      assertThat(
              client
                  .resources(ScaledApi.class)
                  .inNamespace(ns)
                  .withName("api")
                  .get()
                  .getMetadata()
                  .getAnnotations())
          .as("changed by the other writer")
          .containsKey(ApiFaults.TOUCHED);
      assertThat(faults.answered(ns, "PATCH", "/scaledapis/api/status", 409)).isZero();
      assertThat(faults.answered(ns, "PUT", "/scale", 200)).isEqualTo(1);
      assertThat(cluster.events(ns, "Rescaled")).hasSize(1);
      assertThat(trail.values()).containsExactly(1, 5);
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void targetDeletedAndRecreatedIsScaledAgainWithOneWarning() {
    String ns = cluster.ns("recreate");
    stack.setQueue(ns, 45);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = stack.operator(ns)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitReplicas(ns, 5);

      client.apps().deployments().inNamespace(ns).withName("api").delete();
      cluster.awaitStatus(
          ns,
          s -> {
            assertThat(Cluster.condition(s, Conditions.READY).getStatus()).isEqualTo("False");
            assertThat(Cluster.condition(s, Conditions.READY).getReason())
                .isEqualTo("TargetNotFound");
            assertThat(Cluster.condition(s, Conditions.READY).getMessage())
                .startsWith("Deployment/api does not exist in namespace " + ns);
          });
      // one Warning for the outage, however many polls it lasts
      await()
          .during(POLL.multipliedBy(4))
          .atMost(POLL.multipliedBy(8))
          .until(() -> cluster.events(ns, "TargetNotFound").size() == 1);

      cluster.createDeployment(ns, "api", 1);
      cluster.awaitReplicas(ns, 5);
      cluster.awaitConverged(ns, 5);
      assertThat(trail.values()).containsExactly(1, 5, ReplicaTrail.DELETED, 1, 5);
      assertThat(cluster.events(ns, "TargetNotFound")).hasSize(1);
      assertThat(cluster.events(ns, "Rescaled"))
          .extracting(Event::getMessage)
          .hasSize(2)
          .allSatisfy(m -> assertThat(m).startsWith("1 -> 5: queue depth 45"));
    }
  }

  /** A deleted ScaledApi's memory and gauges are dropped; its target keeps its replicas. */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void deletedScaledApiIsForgottenAndItsTargetLeftAlone() {
    String ns = cluster.ns("deleted");
    stack.setQueue(ns, 45);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ScaledApiOperator operator =
        ScaledApiOperator.create(cluster.operatorClient(), stack.settings(ns), registry)) {
      operator.start();
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitReplicas(ns, 5);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> desiredGauge(registry, ns) != null && desiredGauge(registry, ns) == 5);

      client.resources(ScaledApi.class).inNamespace(ns).withName("api").delete();
      await().atMost(Duration.ofSeconds(20)).until(() -> desiredGauge(registry, ns) == null);
      await()
          .during(POLL.multipliedBy(3))
          .atMost(POLL.multipliedBy(6))
          .until(() -> cluster.replicas(ns, "api") == 5 && desiredGauge(registry, ns) == null);
    }
  }
}
