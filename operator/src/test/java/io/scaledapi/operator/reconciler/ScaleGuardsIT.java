package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.FaultStack.GAUGE;
import static io.scaledapi.operator.reconciler.FaultStack.fastUp;
import static io.scaledapi.operator.reconciler.FaultStack.queue;
import static io.scaledapi.operator.reconciler.FaultStack.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.rbac.ApiCall;
import io.scaledapi.operator.testing.MockApiServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What keeps a workload from being written by the wrong hand: one ScaledApi per workload, an HPA
 * check that holds when it cannot tell, and a steady poll that costs the API server nothing. A real
 * Prometheus scrapes a real exporter every second; the API server is fabric8's mock in CRUD mode,
 * reached through {@link ApiFaults}; each test runs its own operator on its own namespace, side by
 * side with the others, and counts its namespace's calls alone.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
@MockApiServer
class ScaleGuardsIT {
  static final Duration POLL = Duration.ofSeconds(1);

  static KubernetesMockServer server;
  static KubernetesClient client;
  static FaultStack stack;
  static MockCluster cluster;

  @BeforeAll
  static void start() {
    stack = FaultStack.start(client);
    cluster = stack.cluster();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * Finding 4: two ScaledApis on one Deployment, one wanting 10 replicas and one 19. The older one
   * scales; the other says who owns the workload, warns once and never writes; once the older one
   * is deleted, the other takes over.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void secondScaledApiOnAWorkloadNeverWritesAndTakesOverWhenTheFirstIsDeleted() {
    String ns = "owners";
    stack.setQueue(ns, 95);
    cluster.ensureNamespace(ns);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = stack.operator(ns, Clock.systemUTC())) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, "api", spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      stack.awaitReplicas(ns, 10);
      cluster.createScaledApi(ns, "greedy", spec(1, 20, queue(GAUGE, ns, 5), fastUp()));

      // several polls of both: the Deployment stays where its owner put it
      await()
          .during(POLL.multipliedBy(5))
          .atMost(POLL.multipliedBy(10))
          .untilAsserted(
              () ->
                  assertThat(trail.values())
                      .as("replicas the Deployment went through")
                      .containsExactly(1, 10));
      cluster.awaitStatus(
          ns,
          "greedy",
          s -> {
            Condition ready = MockCluster.condition(s, Conditions.READY);
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("ConflictingScaledApi");
            assertThat(ready.getMessage())
                .startsWith("ScaledApi api already scales Deployment/api");
          });
      cluster.awaitStatus(
          ns,
          "api",
          s ->
              assertThat(MockCluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True"));
      assertThat(cluster.events(ns, "ConflictingScaledApi"))
          .as("one Warning, not one per poll")
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("greedy");
              });

      cluster.deleteScaledApi(ns, "api");
      stack.awaitReplicas(ns, 19);
      cluster.awaitStatus(
          ns,
          "greedy",
          s ->
              assertThat(MockCluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True"));
      assertThat(trail.values()).containsExactly(1, 10, 19);
      assertThat(stack.faults().answered(ns, "PUT", "/scale", 200)).isEqualTo(2);
    }
  }

  /**
   * The HPA check cannot tell (the API server refuses or fails the HPA list): the ScaledApi says so
   * and holds, with one Warning; once HPAs can be read again, it scales.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @ParameterizedTest
  @ValueSource(ints = {403, 500})
  void hpaCheckThatCannotTellHoldsTheReplicas(int code) {
    String ns = "hpa-" + code;
    server
        .expect()
        .get()
        .withPath(ApiFaults.HPA_FAULT_PATH + code)
        .andReturn(code, failure(code, ns))
        .always();
    stack.setQueue(ns, 95);
    cluster.ensureNamespace(ns);
    stack.faults().failHpas(ns, code);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = stack.operator(ns, Clock.systemUTC())) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitStatus(
          ns,
          s -> {
            Condition ready = MockCluster.condition(s, Conditions.READY);
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("HPACheckFailed");
            assertThat(ready.getMessage())
                .startsWith("cannot tell whether a HorizontalPodAutoscaler scales Deployment/api:")
                .contains("HorizontalPodAutoscalers in " + ns)
                .endsWith("; holding 1 replica until it can");
            if (code == 403) {
              // a 500 is retried by the client before the informer sees it
              assertThat(ready.getMessage())
                  .contains("HTTP 403: horizontalpodautoscalers.autoscaling is forbidden");
            }
          });
      await()
          .during(POLL.multipliedBy(4))
          .atMost(POLL.multipliedBy(8))
          .until(() -> cluster.replicas(ns, "api") == 1);
      assertThat(cluster.events(ns, "HPACheckFailed")).as("one Warning per outage").hasSize(1);

      stack.faults().healHpas(ns);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> cluster.replicas(ns, "api") == 10);
      stack.awaitConverged(ns, 10);
      assertThat(trail.values()).containsExactly(1, 10);
    } finally {
      stack.faults().healHpas(ns);
    }
  }

  /**
   * A steady poll (same signals, same replicas) reads the target and HPAs from the operator's
   * caches and writes no status: it makes no API call.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void steadyPollMakesNoApiCall() {
    String ns = "steady";
    stack.setQueue(ns, 45);
    cluster.ensureNamespace(ns);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ScaledApiOperator operator =
        ScaledApiOperator.create(
            cluster.operatorClient(), stack.settings(ns, Clock.systemUTC()), registry)) {
      operator.start();
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      stack.awaitReplicas(ns, 5);
      stack.awaitConverged(ns, 5);

      Predicate<ApiCall> inNamespace = c -> ns.equals(c.namespace()) && !"watch".equals(c.verb());
      Map<String, Long> before = byLine(inNamespace);
      double polledBefore = FaultStack.reconciles(registry);
      FaultStack.awaitPolls(registry, 5);
      double polls = FaultStack.reconciles(registry) - polledBefore;
      Map<String, Long> during = new TreeMap<>();
      byLine(inNamespace).forEach((line, n) -> during.put(line, n - before.getOrDefault(line, 0L)));
      during.values().removeIf(n -> n == 0);
      long calls = during.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "[api calls] %.0f steady polls made %d API calls, %.2f per poll: %s%n",
          polls, calls, calls / polls, during);
      assertThat(during).as("API calls during %.0f steady polls", polls).isEmpty();
    }
  }

  static Map<String, Long> byLine(Predicate<ApiCall> which) {
    Map<String, Long> counts = new TreeMap<>();
    for (ApiCall call : cluster.log().calls()) {
      if (which.test(call)) {
        String line = call.line();
        counts.computeIfAbsent(
            line, l -> cluster.log().count(c -> which.test(c) && c.line().equals(l)));
      }
    }
    return counts;
  }

  static Status failure(int code, String ns) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(code == 403 ? "Forbidden" : "InternalError")
        .withMessage(
            code == 403
                ? "horizontalpodautoscalers.autoscaling is forbidden: User"
                    + " \"system:serviceaccount:scaledapi:scaledapi-operator\" cannot list resource"
                    + " \"horizontalpodautoscalers\" in API group \"autoscaling\" in the namespace"
                    + " \""
                    + ns
                    + "\""
                : "etcdserver: request timed out")
        .build();
  }
}
