package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.rbac.Refusals;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.LogCapture;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC is enough for the operator's whole job, on a real API server: the chart is
 * rendered with helm-java, its ServiceAccount, roles and bindings are applied, and the operator
 * runs in-process as that ServiceAccount with the arguments of the rendered Deployment, leader
 * election included. It goes through every path that calls the API server ({@link RbacScenario})
 * and the server refuses none of its requests; nothing it logs, records or reports says Forbidden.
 * That each grant is needed is {@link RbacGrantsNeededIT}'s part.
 */
class RbacProofIT {
  static KubernetesClient admin;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  @BeforeAll
  static void start() {
    admin = ScaledApiCrd.install();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
  }

  @AfterAll
  static void stopExporter() {
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  void allNamespacesInstallGrantsAllTheOperatorDoes() {
    prove("rbac-proof-all", Map.of(), List.of("rbac-proof-all-a", "rbac-proof-all-b"));
  }

  @Test
  void watchNamespacesInstallGrantsAllTheOperatorDoes() {
    List<String> watched = List.of("rbac-proof-watch-a", "rbac-proof-watch-b");
    prove(
        "rbac-proof-watch",
        Map.of("watchNamespaces[0]", watched.get(0), "watchNamespaces[1]", watched.get(1)),
        watched);
  }

  // the operator runs for the try block; nothing in it calls the operator
  @SuppressWarnings("try")
  void prove(String name, Map<String, String> values, List<String> namespaces) {
    ChartRelease release = ChartRelease.render(name, values, prometheus.baseUri());
    var settings = release.settings();
    assertThat(settings.leaderElection()).as("leader election in the default install").isPresent();
    Refusals refusals = new Refusals();
    try (RbacScenario scenario = RbacScenario.of(admin, exporter, prometheus.baseUri());
        ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart());
        LogCapture log = LogCapture.start();
        KubernetesClient client = refusals.client(account.config());
        ScaledApiOperator operator =
            ScaledApiOperator.create(client, settings, new SimpleMeterRegistry())) {
      namespaces.forEach(scenario::create);
      assertThat(account.can("update", "apps", "deployments/scale", namespaces.get(0)))
          .as("the ServiceAccount may scale a Deployment")
          .isTrue();
      assertThat(account.can("delete", "apps", "deployments", namespaces.get(0)))
          .as("the API server authorizes the ServiceAccount by RBAC: it may not delete one")
          .isFalse();

      operator.start();
      namespaces.forEach(scenario::awaitDone);
      awaitRenewal(settings.leaderElection().orElseThrow(), release.namespace(), name);

      assertThat(refusals.calls()).as("requests the API server refused").isEmpty();
      List<String> reports = namespaces.stream().flatMap(ns -> reports(scenario, ns)).toList();
      assertThat(reports).as("conditions and events").noneMatch(RbacProofIT::forbidden);
      assertThat(log.text().lines()).as("the operator's log").noneMatch(RbacProofIT::forbidden);
    }
  }

  /** The Lease held by {@code instance} and renewed: its renewTime moves on. */
  static void awaitRenewal(
      ScaledApiOperator.LeaderElection election, String namespace, String instance) {
    var lease = admin.leases().inNamespace(namespace).withName(election.leaseName());
    await("the Lease held by " + instance)
        .atMost(RbacScenario.DEADLINE)
        .until(
            () ->
                lease.get() != null && instance.equals(lease.get().getSpec().getHolderIdentity()));
    Lease first = lease.get();
    await("a renewal of the Lease")
        .atMost(election.timings().leaseDuration())
        .until(() -> !first.getSpec().getRenewTime().equals(lease.get().getSpec().getRenewTime()));
  }

  /** Each condition and event message on the ScaledApis of {@code ns}. */
  static Stream<String> reports(RbacScenario scenario, String ns) {
    return RbacScenario.SCALED_APIS.stream()
        .flatMap(
            name ->
                Stream.concat(
                    scenario.status(ns, name).conditions().stream().map(Condition::getMessage),
                    scenario.events(ns, name).stream().map(Event::getMessage)));
  }

  static boolean forbidden(String text) {
    return text != null && text.toLowerCase(Locale.ROOT).contains("forbidden");
  }
}
