package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.reconciler.ScaledApiOperator.LeaseTimings;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.ScaledApiCrd;
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
 * Two operator instances on a real API server, electing a leader on a real Lease, reading a real
 * Prometheus that scrapes a real exporter. Both act as the chart's ServiceAccount, with its RBAC
 * applied (the Lease in the release namespace); each has its own recording client, so the test sees
 * which one wrote what. Each test has its own release, Lease, namespace and queue series; the tests
 * run side by side.
 */
class LeaderElectionIT {
  static final String GAUGE = "api_queue_requests_waiting";
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

  static KubernetesClient client;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void start() {
    client = ScaledApiCrd.install();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
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
    String ns = "leader-election-only-leader";
    try (Election election = election(ns)) {
      OperatorInstance leader = election.leader();
      OperatorInstance follower = election.follower();
      Cluster cluster = leader.cluster();
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
    String ns = "leader-election-takeover";
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
    String ns = "leader-election-no-double";
    try (Election election = election(ns)) {
      OperatorInstance first = election.leader();
      OperatorInstance second = election.follower();
      Cluster cluster = first.cluster();
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
  static void createScaledDeployment(Cluster cluster, String ns) {
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

  /**
   * Two instances campaigning for the Lease named after {@code namespace}, which they watch, as the
   * ServiceAccount of the chart released under that name (watching that namespace); the Lease is in
   * the release namespace.
   */
  static Election election(String namespace) {
    ChartRelease release =
        ChartRelease.watching(namespace, List.of(namespace), prometheus.baseUri());
    // watchNamespaces renders no cluster-scoped objects: closing leaves the RBAC in place
    try (ChartServiceAccount account = ChartServiceAccount.apply(client, release.chart())) {
      return Election.start(
          client,
          account.config(),
          List.of(
              settings(namespace + "-a", namespace, release.namespace()),
              settings(namespace + "-b", namespace, release.namespace())));
    }
  }

  static ScaledApiOperator.Settings settings(
      String instance, String namespace, String leaseNamespace) {
    return new ScaledApiOperator.Settings(
        Optional.of(prometheus.baseUri()),
        Set.of(namespace),
        Optional.of(
            new ScaledApiOperator.LeaderElection(
                namespace, Optional.of(leaseNamespace), false, TIMINGS)),
        Clock.systemUTC(),
        instance);
  }
}
