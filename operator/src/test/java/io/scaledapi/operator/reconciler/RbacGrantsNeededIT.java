package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.cli.ChartArgs;
import io.scaledapi.operator.cli.ChartProcess;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.rbac.Grant;
import io.scaledapi.operator.rbac.Refusals;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.LogCapture;
import io.scaledapi.operator.testing.RealApiServer;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every permission the chart grants is needed: with it removed from the applied role, the real API
 * server refuses (403) the operator's request that needs it, and the operator reports the refusal
 * where a user looks for it. The operator runs in-process as the chart's ServiceAccount, with the
 * rendered Deployment's arguments; each test has a release and namespaces of its own.
 *
 * <p>The permissions used while the operator runs are removed each in a namespace of its own, from
 * the Role the chart renders there ({@code watchNamespaces}), and one operator watches all of those
 * namespaces: a refusal in one touches only the ScaledApis there ({@link RbacScenario}'s). Those
 * the whole operator needs, to list and watch ScaledApis and to hold its Lease, are removed each
 * for an operator of its own; without watch, the operator framework ends the process, so that one
 * runs as a process, authenticated by a token of the ServiceAccount.
 */
@Execution(ExecutionMode.CONCURRENT)
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
              log("scaledapis/status")),
          Map.entry(grant("list", "apps", "deployments"), on("api", "TargetUnreachable")),
          Map.entry(grant("watch", "apps", "deployments"), on("api", "TargetUnreachable")),
          Map.entry(grant("list", "apps", "statefulsets"), on("db", "TargetUnreachable")),
          Map.entry(grant("watch", "apps", "statefulsets"), on("db", "TargetUnreachable")),
          Map.entry(grant("get", "apps", "replicasets"), on("rs", "TargetUnreachable")),
          Map.entry(grant("get", "apps", "deployments/scale"), on("api", "FailedRescale")),
          Map.entry(grant("update", "apps", "deployments/scale"), on("api", "FailedRescale")),
          Map.entry(grant("get", "apps", "statefulsets/scale"), on("db", "FailedRescale")),
          Map.entry(grant("update", "apps", "statefulsets/scale"), on("db", "FailedRescale")),
          Map.entry(grant("get", "apps", "replicasets/scale"), on("rs", "TargetUnreachable")),
          Map.entry(grant("update", "apps", "replicasets/scale"), on("rs", "FailedRescale")),
          Map.entry(
              grant("list", "autoscaling", "horizontalpodautoscalers"),
              on("api", "HPACheckFailed")),
          Map.entry(
              grant("watch", "autoscaling", "horizontalpodautoscalers"),
              on("api", "HPACheckFailed")),
          Map.entry(grant("create", "", "events"), log("cannot record event")),
          Map.entry(grant("get", "", "secrets"), on("api", "MetricsUnavailable")),
          Map.entry(grant("get", "", "configmaps"), on("tls", "MetricsUnavailable")));

  /** What the operator needs as a whole: each is removed by a test of its own below. */
  static final Set<Grant> OPERATOR_WIDE =
      Set.of(
          grant("list", "autoscaling.scaledapi.io", "scaledapis"),
          grant("watch", "autoscaling.scaledapi.io", "scaledapis"),
          grant("get", "coordination.k8s.io", "leases"),
          grant("create", "coordination.k8s.io", "leases"),
          grant("update", "coordination.k8s.io", "leases"),
          grant("patch", "coordination.k8s.io", "leases"));

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

  @Test
  void everyGrantOfTheChartIsProvenNeeded() {
    List<Grant> granted =
        Release.render("rbac-need-all", List.of("rbac-need-all-a")).chart().stream()
            .filter(Role.class::isInstance)
            .flatMap(r -> Grant.of(((Role) r).getRules()).stream())
            .toList();
    assertThat(Stream.concat(IN_NAMESPACE.keySet().stream(), OPERATOR_WIDE.stream()))
        .containsExactlyInAnyOrderElementsOf(granted);
  }

  // the operator runs for the try block; nothing in it calls the operator
  @SuppressWarnings("try")
  @Test
  void eachPermissionUsedWhileRunningIsNeeded() {
    Map<Grant, String> namespaces = new LinkedHashMap<>();
    IN_NAMESPACE.keySet().forEach(g -> namespaces.put(g, RELEASE + "-" + name(g)));
    Release release = Release.render(RELEASE, List.copyOf(namespaces.values()));
    RbacScenario scenario = new RbacScenario(admin, exporter, prometheus.baseUri());
    Refusals refusals = new Refusals();
    try (ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      namespaces.forEach((grant, ns) -> release.remove(account, grant, ns));
      namespaces.values().forEach(scenario::create);
      try (KubernetesClient client = refusals.client(account.config());
          ScaledApiOperator operator =
              ScaledApiOperator.create(client, release.settings(), new SimpleMeterRegistry())) {
        operator.start();
        namespaces.forEach(
            (grant, ns) -> {
              awaitRefusal(refusals, grant, ns);
              IN_NAMESPACE.get(grant).awaitIn(scenario, ns);
            });
      }
    }
  }

  @Test
  void withoutListingScaledApisTheOperatorDoesNotStart() {
    Grant grant = grant("list", "autoscaling.scaledapi.io", "scaledapis");
    String watched = "rbac-need-list-scaledapis-ns";

    Refusals refusals = new Refusals();

    Throwable failed = startWithout(grant, watched, refusals, RbacGrantsNeededIT::notStarted);

    assertThat(refusals.calls()).anyMatch(c -> grant.neededBy(c, watched));
    assertThat(causes(failed))
        .as("why the operator did not start")
        .anyMatch(
            t ->
                forbidden(t.getMessage())
                    && t.getMessage().contains("cannot list resource \"scaledapis\"")
                    && t.getMessage().contains(watched));
  }

  /**
   * Once its watch of ScaledApis is refused, the operator framework ends the process (in a pod, it
   * restarts and its log says why); so the operator runs here as a process of its own.
   */
  @Test
  void withoutWatchingScaledApisTheOperatorProcessEnds(@TempDir Path dir) throws Exception {
    Grant grant = grant("watch", "autoscaling.scaledapi.io", "scaledapis");
    String watched = "rbac-need-watch-scaledapis-ns";
    Release release = Release.render("rbac-need-" + name(grant), List.of(watched));
    ChartProcess.Ended ended;
    try (ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      release.remove(account, grant, watched);
      Path kubeconfig =
          Files.writeString(
              dir.resolve("kubeconfig"), account.kubeConfigYaml(Duration.ofMinutes(10)));
      ended =
          ChartProcess.run(
              RbacProofIT.only(release.chart(), Deployment.class),
              kubeconfig,
              prometheus.baseUri(),
              dir,
              "rbac-need-watch-scaledapis");
    }

    assertThat(ended.exitCode()).as("exit code; output:%n%s", ended.output()).isNotZero();
    String refused =
        ended
            .output()
            .lines()
            .filter(l -> forbidden(l) && l.contains("/scaledapis?") && l.contains(watched))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no refused watch in:\n" + ended.output()));
    System.out.printf(
        "[rbac] the operator ended with exit code %d: %s%n", ended.exitCode(), refused);
  }

  /**
   * The operator framework asks the API server (a SelfSubjectRulesReview) for the three rights on
   * Leases it campaigns with before it starts, and refuses to start without one, naming it; the
   * request that would have been refused is never made.
   */
  @ParameterizedTest
  @ValueSource(strings = {"get", "create", "update"})
  void withoutALeaseRightTheOperatorDoesNotStart(String verb) {
    Grant grant = grant(verb, "coordination.k8s.io", "leases");

    Throwable failed =
        startWithout(
            grant,
            "rbac-need-" + verb + "-leases-ns",
            new Refusals(),
            RbacGrantsNeededIT::notStarted);

    assertThat(causes(failed).get(causes(failed).size() - 1).getMessage())
        .contains(
            "No permission to lease resource",
            "rbac-need-" + verb + "-leases-system",
            "missing required verbs: [" + verb + "]");
  }

  /**
   * The leader renews its Lease with a patch; refused, it logs each failed renewal (and gives up
   * leading after the renew deadline: in a pod, the process then ends and restarts).
   */
  @Test
  void withoutPatchingTheLeaseTheLeaderCannotRenewIt() {
    Grant grant = grant("patch", "coordination.k8s.io", "leases");
    String leaseNamespace = "rbac-need-patch-leases-system";
    Refusals refusals = new Refusals();

    Throwable failed =
        startWithout(
            grant,
            "rbac-need-patch-leases-ns",
            refusals,
            () -> {
              awaitRefusal(refusals, grant, leaseNamespace);
              log("cannot patch resource \"leases\"").awaitIn(null, leaseNamespace);
            });

    assertThat(failed).as("a failed start").isNull();
  }

  /**
   * Starts an operator of its own release, watching {@code watched}, with {@code grant} removed,
   * and runs {@code whileRunning} if it starts; returns why it did not start, or null.
   */
  // the operator runs for the try block; nothing in it calls the operator
  @SuppressWarnings("try")
  static Throwable startWithout(
      Grant grant, String watched, Refusals refusals, Runnable whileRunning) {
    Release release = Release.render("rbac-need-" + name(grant), List.of(watched));
    try (ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      String roleNamespace = grant.resource().equals("leases") ? release.leaseNamespace() : watched;
      release.remove(account, grant, roleNamespace);
      try (KubernetesClient client = refusals.client(account.config());
          ScaledApiOperator operator =
              ScaledApiOperator.create(client, release.settings(), new SimpleMeterRegistry())) {
        Throwable failed = catchThrowable(operator::start);
        if (failed == null) {
          whileRunning.run();
        }
        return failed;
      }
    }
  }

  static void notStarted() {
    throw new AssertionError("the operator started");
  }

  /** {@code failure} and its causes, outermost first. */
  static List<Throwable> causes(Throwable failure) {
    assertThat(failure).as("a failed start").isNotNull();
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  static void awaitRefusal(Refusals refusals, Grant grant, String ns) {
    await("a refusal of " + grant + " in " + ns)
        .atMost(DEADLINE)
        .until(() -> refusals.calls().stream().anyMatch(c -> grant.neededBy(c, ns)));
  }

  /** The chart rendered for release {@code name} watching {@code watched}, and its settings. */
  record Release(List<HasMetadata> chart, ScaledApiOperator.Settings settings) {
    static Release render(String name, List<String> watched) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < watched.size(); i++) {
        values.put("watchNamespaces[" + i + "]", watched.get(i));
      }
      String namespace = name + "-system";
      List<HasMetadata> chart =
          ChartRenderer.render(name, namespace, RealApiServer.VERSION, values);
      Deployment deployment = RbacProofIT.only(chart, Deployment.class);
      return new Release(
          chart, ChartArgs.settings(deployment, namespace, prometheus.baseUri(), name));
    }

    String leaseNamespace() {
      return settings.leaderElection().orElseThrow().leaseNamespace().orElseThrow();
    }

    /** Removes {@code grant} from the Role the chart applied in {@code ns} that grants it. */
    void remove(ChartServiceAccount account, Grant grant, String ns) {
      Role role =
          account.roles().stream()
              .filter(r -> r instanceof Role && ns.equals(r.getMetadata().getNamespace()))
              .map(Role.class::cast)
              .filter(r -> Grant.of(r.getRules()).contains(grant))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Role in " + ns + " grants " + grant));
      account.setRules(role, grant.removedFrom(role.getRules()));
    }
  }

  /** {@code <verb>-<resource>}, part of a name in Kubernetes. */
  static String name(Grant grant) {
    return (grant.verb() + "-" + grant.resource().replace('/', '-')).toLowerCase(Locale.ROOT);
  }

  static Grant grant(String verb, String group, String resource) {
    return new Grant(verb, group, resource);
  }

  static boolean forbidden(String text) {
    return RbacProofIT.forbidden(text);
  }

  /** How a user learns of one refusal in a namespace. */
  interface Report {
    void awaitIn(RbacScenario scenario, String ns);
  }

  /** A condition and a Warning event with {@code reason} on ScaledApi {@code name}, Forbidden. */
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
                      .anyMatch(RbacGrantsNeededIT::forbidden);
                  assertThat(scenario.events(ns, name))
                      .filteredOn(e -> reason.equals(e.getReason()))
                      .filteredOn(e -> "Warning".equals(e.getType()))
                      .extracting(Event::getMessage)
                      .anyMatch(RbacGrantsNeededIT::forbidden);
                });
  }

  /** A line of the operator's log with {@code words}, naming the namespace, saying Forbidden. */
  static Report log(String words) {
    return (scenario, ns) ->
        await("a log line with '" + words + "' on " + ns + ", saying Forbidden")
            .atMost(DEADLINE)
            .until(
                () ->
                    log.text()
                        .lines()
                        .anyMatch(l -> l.contains(words) && l.contains(ns) && forbidden(l)));
  }
}
