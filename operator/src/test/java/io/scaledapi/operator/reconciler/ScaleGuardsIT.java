package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.FaultStack.GAUGE;
import static io.scaledapi.operator.reconciler.FaultStack.fastUp;
import static io.scaledapi.operator.reconciler.FaultStack.queue;
import static io.scaledapi.operator.reconciler.FaultStack.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.rbac.ApiCall;
import io.scaledapi.operator.testing.FakeHttpServer;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What keeps a workload from being written by the wrong hand: one ScaledApi per workload, an HPA
 * check that holds when it cannot tell, and a steady poll that costs the API server nothing. A real
 * Prometheus scrapes a real exporter every second; the API server is the real one. Each test runs
 * its own operator on its own namespace, side by side with the others, and counts its namespace's
 * calls alone. An HPA check that cannot tell is a real refusal (the operator's user has no Role for
 * HPAs until one is bound), or a failing API server: the operator's HPA reads sent to a local
 * server answering 500, as no request makes the real one fail on purpose.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
class ScaleGuardsIT {
  static final Duration POLL = Duration.ofSeconds(1);

  static RealCluster cluster;
  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("owners", "hpa-forbidden", "hpa-failing", "steady");
    client = cluster.client();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (exporter != null) {
      exporter.close();
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
    String ns = cluster.ns("owners");
    setQueue(ns, 95);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = operator(cluster.operatorClient(), ns)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, "api", spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitReplicas(ns, 10);
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
            Condition ready = Cluster.condition(s, Conditions.READY);
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("ConflictingScaledApi");
            assertThat(ready.getMessage())
                .startsWith("ScaledApi api already scales Deployment/api");
          });
      cluster.awaitStatus(
          ns,
          "api",
          s -> assertThat(Cluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True"));
      assertThat(cluster.events(ns, "ConflictingScaledApi"))
          .as("one Warning, not one per poll")
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("greedy");
              });

      cluster.deleteScaledApi(ns, "api");
      cluster.awaitReplicas(ns, 19);
      cluster.awaitStatus(
          ns,
          "greedy",
          s -> assertThat(Cluster.condition(s, Conditions.READY).getStatus()).isEqualTo("True"));
      assertThat(trail.values()).containsExactly(1, 10, 19);
      assertThat(cluster.log().count(c -> ns.equals(c.namespace()) && isScaleWrite(c)))
          .as("writes of /scale")
          .isEqualTo(2);
    }
  }

  /**
   * The operator's user may not list HPAs: the ScaledApi says so with the API server's refusal and
   * holds; once a Role lets it, it scales.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void hpaCheckThatIsRefusedHoldsTheReplicas() {
    String ns = cluster.ns("hpa-forbidden");
    try (KubernetesClient refused = HpaReadFaults.refused(client, ns)) {
      holdsUntilHpasCanBeRead(
          ns,
          refused,
          "HTTP 403: horizontalpodautoscalers.autoscaling is forbidden: User \""
              + HpaReadFaults.USER
              + "\" cannot list resource \"horizontalpodautoscalers\"",
          () -> HpaReadFaults.allow(client, ns));
    }
  }

  /**
   * The API server fails the HPA list: the ScaledApi says it cannot tell and holds; once HPAs can
   * be read again, it scales. (A 500 is retried by the client before the informer sees it, so the
   * message names no cause.)
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void hpaCheckThatFailsHoldsTheReplicas() {
    String ns = cluster.ns("hpa-failing");
    AtomicBoolean failing = new AtomicBoolean(true);
    try (FakeHttpServer failure = FakeHttpServer.http().respondJson(500, INTERNAL_ERROR);
        KubernetesClient redirected =
            HpaReadFaults.sentTo(client, ns, failure.baseUri(), failing::get)) {
      holdsUntilHpasCanBeRead(ns, redirected, "", () -> failing.set(false));
    }
  }

  private void holdsUntilHpasCanBeRead(
      String ns, KubernetesClient operatorClient, String cause, Runnable heal) {
    setQueue(ns, 95);
    try (ReplicaTrail trail = new ReplicaTrail(client, ns, "api");
        ScaledApiOperator operator = operator(operatorClient, ns)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitStatus(
          ns,
          s -> {
            Condition ready = Cluster.condition(s, Conditions.READY);
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("HPACheckFailed");
            assertThat(ready.getMessage())
                .startsWith("cannot tell whether a HorizontalPodAutoscaler scales Deployment/api:")
                .contains("HorizontalPodAutoscalers in " + ns)
                .contains(cause)
                .endsWith("; holding 1 replica until it can");
          });
      await()
          .during(POLL.multipliedBy(4))
          .atMost(POLL.multipliedBy(8))
          .until(() -> cluster.replicas(ns, "api") == 1);
      assertThat(cluster.events(ns, "HPACheckFailed")).as("one Warning per outage").hasSize(1);

      heal.run();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> cluster.replicas(ns, "api") == 10);
      cluster.awaitConverged(ns, 10);
      assertThat(trail.values()).containsExactly(1, 10);
    }
  }

  /**
   * A steady poll (same signals, same replicas) reads the target and HPAs from the operator's
   * caches and writes no status: it makes no API call.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void steadyPollMakesNoApiCall() {
    String ns = cluster.ns("steady");
    setQueue(ns, 45);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ScaledApiOperator operator = cluster.startOperator(settings(ns), registry)) {
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(1, 20, queue(GAUGE, ns, 10), fastUp()));
      cluster.awaitReplicas(ns, 5);
      cluster.awaitConverged(ns, 5);

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

  static final String INTERNAL_ERROR =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":500,"
          + "\"reason\":\"InternalError\",\"message\":\"etcdserver: request timed out\"}";

  static void setQueue(String ns, double value) {
    exporter.set(GAUGE, Map.of("app", ns), value);
  }

  /** An operator on the namespace alone, reading the shared Prometheus. */
  static ScaledApiOperator.Settings settings(String ns) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()), Set.of(ns), Optional.empty(), Clock.systemUTC(), ns);
  }

  static ScaledApiOperator operator(KubernetesClient operatorClient, String ns) {
    ScaledApiOperator operator =
        ScaledApiOperator.create(operatorClient, settings(ns), new SimpleMeterRegistry());
    operator.start();
    return operator;
  }

  static boolean isScaleWrite(ApiCall call) {
    return call.verb().equals("update") && call.resourcePath().equals("deployments/scale");
  }
}
