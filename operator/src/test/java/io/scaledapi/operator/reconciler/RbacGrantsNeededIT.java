package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.rbac.Grant;
import io.scaledapi.operator.rbac.Refusals;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.LogCapture;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every permission the chart grants is needed: with it removed from the applied role, the real API
 * server refuses (403) the operator's request that needs it, and the operator reports the refusal
 * where a user looks for it. The operator runs in-process as the chart's ServiceAccount, with the
 * rendered Deployment's arguments.
 *
 * <p>Here, the permissions used while the operator runs: each is removed in a namespace of its own,
 * from the Role the chart renders there ({@code watchNamespaces}), and one operator watches all of
 * those namespaces; a refusal in one touches only the ScaledApis there ({@link RbacScenario}'s).
 * Those the operator needs as a whole are {@link RbacOperatorWideGrantsIT}'s.
 */
class RbacGrantsNeededIT {
  static final String RELEASE = "rbac-need";

  /**
   * Where a user sees each refusal in a namespace: a condition and a Warning event with that reason
   * on that ScaledApi, both saying Forbidden; or, where the operator cannot say it on the
   * ScaledApi, a line of its log saying Forbidden, naming the namespace and what was refused. The
   * workload caches report a refused watch once it has been down for {@link
   * InformerCache#WATCH_GAP}.
   */
  static final Map<Grant, Report> IN_NAMESPACE =
      Map.ofEntries(
          Map.entry(
              grant("patch", "autoscaling.scaledapi.io", "scaledapis/status"),
              logged("scaledapis/status")),
          Map.entry(grant("list", "apps", "deployments"), on("api", "TargetUnreachable")),
          Map.entry(grant("watch", "apps", "deployments"), on("api", "TargetUnreachable")),
          Map.entry(grant("list", "apps", "statefulsets"), on("db", "TargetUnreachable")),
          Map.entry(grant("watch", "apps", "statefulsets"), on("db", "TargetUnreachable")),
          Map.entry(grant("get", "apps", "replicasets"), on("rs", "TargetUnreachable")),
          Map.entry(grant("get", "apps", "deployments/scale"), on("gone", "TargetUnreachable")),
          Map.entry(grant("update", "apps", "deployments/scale"), on("api", "FailedRescale")),
          Map.entry(grant("get", "apps", "statefulsets/scale"), on("gone-db", "TargetUnreachable")),
          Map.entry(grant("update", "apps", "statefulsets/scale"), on("db", "FailedRescale")),
          Map.entry(grant("get", "apps", "replicasets/scale"), on("rs", "TargetUnreachable")),
          Map.entry(grant("update", "apps", "replicasets/scale"), on("rs", "FailedRescale")),
          Map.entry(
              grant("list", "autoscaling", "horizontalpodautoscalers"),
              on("api", "HPACheckFailed")),
          Map.entry(
              grant("watch", "autoscaling", "horizontalpodautoscalers"),
              on("api", "HPACheckFailed")),
          Map.entry(grant("create", "", "events"), logged("cannot record event")),
          Map.entry(grant("get", "", "secrets"), on("api", "MetricsUnavailable")),
          Map.entry(grant("get", "", "configmaps"), on("tls", "MetricsUnavailable")));

  static final Duration DEADLINE = InformerCache.WATCH_GAP.plusSeconds(30);

  static KubernetesClient admin;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static LogCapture log;

  @BeforeAll
  static void start() {
    admin = ScaledApiCrd.install();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
    log = LogCapture.start();
  }

  @AfterAll
  static void stop() {
    if (log != null) {
      log.close();
    }
    if (exporter != null) {
      exporter.close();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void everyGrantOfTheChartIsProvenNeeded() {
    List<Grant> granted =
        ChartRelease.watching("rbac-need-all", List.of("rbac-need-all-a"), prometheus.baseUri())
            .chart()
            .stream()
            .filter(Role.class::isInstance)
            .flatMap(r -> Grant.of(((Role) r).getRules()).stream())
            .toList();
    assertThat(
            Stream.concat(IN_NAMESPACE.keySet().stream(), RbacOperatorWideGrantsIT.GRANTS.stream()))
        .containsExactlyInAnyOrderElementsOf(granted);
  }

  // the operator runs for the try block; nothing in it calls the operator
  @SuppressWarnings("try")
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void eachPermissionUsedWhileRunningIsNeeded() {
    Map<Grant, String> namespaces = new LinkedHashMap<>();
    IN_NAMESPACE.keySet().forEach(g -> namespaces.put(g, RELEASE + "-" + name(g)));
    ChartRelease release =
        ChartRelease.watching(RELEASE, List.copyOf(namespaces.values()), prometheus.baseUri());
    Refusals refusals = new Refusals();
    try (RbacScenario scenario = RbacScenario.of(admin, exporter, prometheus.baseUri());
        ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      namespaces.forEach((grant, ns) -> release.remove(account, grant, ns));
      namespaces.values().forEach(scenario::create);
      try (KubernetesClient client = refusals.client(account.config());
          ScaledApiOperator operator =
              ScaledApiOperator.create(client, release.settings(), new SimpleMeterRegistry())) {
        operator.start();
        namespaces.forEach(
            (grant, ns) -> {
              await("a refusal of " + grant + " in " + ns)
                  .atMost(DEADLINE)
                  .until(() -> refusals.refused(grant, ns));
              IN_NAMESPACE.get(grant).awaitIn(scenario, ns);
            });
      }
    }
  }

  /** {@code <verb>-<resource>}, part of a name in Kubernetes. */
  static String name(Grant grant) {
    return (grant.verb() + "-" + grant.resource().replace('/', '-')).toLowerCase(Locale.ROOT);
  }

  static Grant grant(String verb, String group, String resource) {
    return new Grant(verb, group, resource);
  }

  /** How a user learns of one refusal in a namespace. */
  interface Report {
    void awaitIn(RbacScenario scenario, String ns);
  }

  /**
   * A condition and a Warning event with {@code reason} on ScaledApi {@code name}, Forbidden; the
   * condition also says how to grant the permission.
   */
  static Report on(String name, String reason) {
    return (scenario, ns) ->
        await(reason + " on " + ns + "/" + name + ", saying Forbidden")
            .atMost(DEADLINE)
            .untilAsserted(
                () -> {
                  ScaledApiStatus status = scenario.status(ns, name);
                  assertThat(status).as("status").isNotNull();
                  assertThat(status.conditions())
                      .filteredOn(c -> reason.equals(c.getReason()))
                      .extracting(Condition::getMessage)
                      .anyMatch(m -> RbacProofIT.forbidden(m) && m.contains(ApiErrors.GRANT_HINT));
                  assertThat(scenario.events(ns, name))
                      .filteredOn(e -> reason.equals(e.getReason()))
                      .filteredOn(e -> "Warning".equals(e.getType()))
                      .extracting(Event::getMessage)
                      .anyMatch(RbacProofIT::forbidden);
                });
  }

  /** A line of the operator's log with {@code words}, naming the namespace, saying Forbidden. */
  static Report logged(String words) {
    return (scenario, ns) -> awaitLogged(log, words, ns);
  }

  /**
   * Waits for a line of {@code capture} with {@code words}, naming {@code ns}, saying Forbidden.
   */
  static void awaitLogged(LogCapture capture, String words, String ns) {
    await("a log line with '" + words + "' on " + ns + ", saying Forbidden")
        .atMost(DEADLINE)
        .until(
            () ->
                capture
                    .text()
                    .lines()
                    .anyMatch(
                        l -> l.contains(words) && l.contains(ns) && RbacProofIT.forbidden(l)));
  }
}
