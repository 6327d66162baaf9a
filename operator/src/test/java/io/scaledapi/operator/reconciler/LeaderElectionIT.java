package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.reconciler.ScaledApiOperator.LeaseTimings;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.SharedPrometheus;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two operator instances on one API server, electing a leader on a Lease, reading a real Prometheus
 * that scrapes a real exporter. Each instance has its own recording client, so the test sees which
 * one wrote what. Each test has its own Lease, namespace and queue series; the tests run side by
 * side.
 */
@MockApiServer
class LeaderElectionIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String LEASE_NAMESPACE = "operators";
  static final Duration POLL = Duration.ofSeconds(1);

  /** Short, so that a takeover fits in a test; the production defaults are 15 s, 10 s and 2 s. */
  static final LeaseTimings TIMINGS =
      new LeaseTimings(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(1));

  /**
   * The Lease expires a lease duration after the crashed leader's last renewal, and the follower
   * sees that at its next try, at most 2.2 retry periods later; then a margin for a shared machine.
   */
  static final Duration TAKEOVER_DEADLINE =
      TIMINGS
          .leaseDuration()
          .plusMillis((long) (TIMINGS.retryPeriod().toMillis() * (1 + LeaseTimings.JITTER)))
          .plusSeconds(5);

  static KubernetesMockServer server;
  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void startPrometheusAndAllowLeases() {
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
    try (MockCluster setup = MockCluster.of(client)) {
      setup.ensureNamespace(LEASE_NAMESPACE);
    }
    // the operator framework checks its rights on Leases before it campaigns
    SelfSubjectRulesReview review = new SelfSubjectRulesReview();
    review.setStatus(
        new SubjectRulesReviewStatus(
            null,
            false,
            List.of(),
            List.of(
                new ResourceRuleBuilder()
                    .withApiGroups("coordination.k8s.io")
                    .withResources("leases")
                    .withVerbs("get", "create", "update", "patch")
                    .build())));
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  @AfterAll
  static void stopPrometheus() {
    if (exporter != null) {
      exporter.close();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void onlyTheLeaderWrites() {
    String ns = "only-leader";
    try (Election election = election(ns)) {
      OperatorInstance leader = election.leader();
      OperatorInstance follower = election.follower();
      MockCluster cluster = leader.cluster();
      createScaledDeployment(cluster, ns);

      exporter.set(GAUGE, Map.of("app", ns), 95);
      await().atMost(Duration.ofSeconds(15)).until(() -> cluster.replicas(ns, "api") == 10);
      // a few more polls, in which the follower still does nothing
      await("follower stays idle")
          .during(POLL.multipliedBy(3))
          .atMost(POLL.multipliedBy(6))
          .untilAsserted(
              () -> {
                assertThat(follower.reconciles()).as("follower's reconciles").isZero();
                assertThat(follower.writesBesidesElection()).as("follower's writes").isZero();
              });

      assertThat(election.holder()).isEqualTo(leader.name());
      assertThat(leader.scaleWrites()).as("leader's /scale writes").isEqualTo(1);
      assertThat(leader.statusWrites()).as("leader's status writes").isPositive();
      assertThat(leader.eventsCreated()).as("leader's events").isPositive();
      assertThat(follower.scaleWrites()).as("follower's /scale writes").isZero();
      assertThat(follower.statusWrites()).as("follower's status writes").isZero();
      assertThat(follower.eventsCreated()).as("follower's events").isZero();
      assertThat(cluster.events(ns, "Rescaled"))
          .singleElement()
          .satisfies(e -> assertThat(e.getReportingInstance()).isEqualTo(leader.name()));
      // a follower is live and ready: its probes must not restart it while it waits
      assertThat(follower.operator().healthy()).as("follower /healthz").isTrue();
      assertThat(follower.operator().ready()).as("follower /readyz").isTrue();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void followerTakesOverWithinTheLeaseAfterTheLeaderCrashes() {
    String ns = "takeover";
    try (Election election = election(ns)) {
      OperatorInstance leader = election.leader();
      OperatorInstance follower = election.follower();
      createScaledDeployment(leader.cluster(), ns);
      assertThat(follower.reconciles()).isZero();

      long crash = System.nanoTime();
      leader.crash();
      Lease held = election.lease();
      assertThat(held.getSpec().getHolderIdentity())
          .as("a crashed leader does not release the Lease")
          .isEqualTo(leader.name());

      await("takeover by " + follower.name())
          .atMost(TAKEOVER_DEADLINE)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> follower.name().equals(election.holder()));
      long tookOver = System.nanoTime();
      await("first reconcile of the new leader")
          .atMost(Duration.ofSeconds(10))
          .until(() -> follower.reconciles() > 0);
      System.out.printf(
          "[timing] leader crash to takeover of the Lease: %d ms (lease %d s, retry %d s);"
              + " to the new leader's first reconcile: %d ms%n",
          Duration.ofNanos(tookOver - crash).toMillis(),
          TIMINGS.leaseDuration().toSeconds(),
          TIMINGS.retryPeriod().toSeconds(),
          Duration.ofNanos(System.nanoTime() - crash).toMillis());
      assertThat(election.lease().getSpec().getLeaseTransitions()).isEqualTo(1);
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void nothingScalesTwiceAcrossATakeover() {
    String ns = "no-double";
    try (Election election = election(ns)) {
      OperatorInstance first = election.leader();
      OperatorInstance second = election.follower();
      MockCluster cluster = first.cluster();
      createScaledDeployment(cluster, ns);

      exporter.set(GAUGE, Map.of("app", ns), 95);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> cluster.events(ns, "Rescaled").size() == 1);
      assertThat(cluster.replicas(ns, "api")).isEqualTo(10);

      first.crash();
      await("takeover by " + second.name())
          .atMost(TAKEOVER_DEADLINE)
          .until(() -> second.name().equals(election.holder()));
      // several polls of the new leader, with the replicas already where the queue wants them
      await("three reconciles of the new leader")
          .atMost(Duration.ofSeconds(15))
          .until(() -> second.reconciles() >= 3);
      assertThat(second.scaleWrites()).as("new leader's /scale writes").isZero();
      assertThat(cluster.events(ns, "Rescaled")).hasSize(1);
      assertThat(cluster.replicas(ns, "api")).isEqualTo(10);

      exporter.set(GAUGE, Map.of("app", ns), 145);
      await().atMost(Duration.ofSeconds(15)).until(() -> cluster.replicas(ns, "api") == 15);
      await("one more Rescaled, and no other")
          .during(POLL.multipliedBy(3))
          .atMost(POLL.multipliedBy(6))
          .untilAsserted(
              () -> {
                assertThat(cluster.events(ns, "Rescaled")).as("Rescaled events").hasSize(2);
                assertThat(cluster.replicas(ns, "api")).as("replicas").isEqualTo(15);
              });

      assertThat(first.scaleWrites()).as("first leader's /scale writes").isEqualTo(1);
      assertThat(second.scaleWrites()).as("new leader's /scale writes").isEqualTo(1);
      List<String> rescaled =
          cluster.events(ns, "Rescaled").stream()
              .map(e -> e.getReportingInstance() + " " + e.getMessage())
              .toList();
      assertThat(rescaled)
          .as("Rescaled events, by reporting instance")
          .hasSize(2)
          .anyMatch(e -> e.startsWith(first.name() + " 1 -> 10: "))
          .anyMatch(e -> e.startsWith(second.name() + " 10 -> 15: "));
    }
  }

  /** A Deployment "api" at 1 replica, and a ScaledApi on it that the leader has reconciled. */
  static void createScaledDeployment(MockCluster cluster, String ns) {
    exporter.set(GAUGE, Map.of("app", ns), 0);
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(ns, spec(ns));
    cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(0.0));
  }

  static ScaledApiSpec spec(String app) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        1,
        20,
        "1s",
        null,
        new QueueSpec("sum(" + GAUGE + "{app=\"" + app + "\"})", 10.0),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        Mode.ENFORCE,
        false);
  }

  /** Two instances campaigning for the Lease named after {@code namespace}, which they watch. */
  static Election election(String namespace) {
    return Election.start(
        client,
        List.of(settings(namespace + "-a", namespace), settings(namespace + "-b", namespace)));
  }

  static ScaledApiOperator.Settings settings(String instance, String namespace) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()),
        Set.of(namespace),
        Optional.of(
            new ScaledApiOperator.LeaderElection(
                namespace, Optional.of(LEASE_NAMESPACE), false, TIMINGS)),
        Clock.systemUTC(),
        instance);
  }
}
