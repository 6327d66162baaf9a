package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.cli.ChartProcess;
import io.scaledapi.operator.rbac.Grant;
import io.scaledapi.operator.rbac.Refusals;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.LogCapture;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The permissions the operator needs as a whole, to list and watch ScaledApis and to hold its
 * Lease, are needed: each is removed from the applied role for an operator of its own release and
 * namespaces, run as the chart's ServiceAccount on the real API server, which says why it cannot
 * work. See {@link RbacGrantsNeededIT} for the permissions used while it runs.
 */
class RbacOperatorWideGrantsIT {
  static final Set<Grant> GRANTS =
      Set.of(
          new Grant("list", "autoscaling.scaledapi.io", "scaledapis"),
          new Grant("watch", "autoscaling.scaledapi.io", "scaledapis"),
          new Grant("get", "coordination.k8s.io", "leases"),
          new Grant("create", "coordination.k8s.io", "leases"),
          new Grant("update", "coordination.k8s.io", "leases"),
          new Grant("patch", "coordination.k8s.io", "leases"));

  static final Duration DEADLINE = Duration.ofSeconds(30);

  /** The default Prometheus; these tests create no ScaledApi, so nothing queries it. */
  static final URI PROMETHEUS = URI.create("http://prometheus.invalid:9090");

  static KubernetesClient admin;
  static LogCapture log;

  @BeforeAll
  static void start() {
    admin = ScaledApiCrd.install();
    log = LogCapture.start();
  }

  @AfterAll
  static void stop() {
    if (log != null) {
      log.close();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void withoutListingScaledApisTheOperatorDoesNotStart() {
    Grant grant = grant("list", "autoscaling.scaledapi.io", "scaledapis");
    String watched = "rbac-need-list-scaledapis-ns";

    Refusals refusals = new Refusals();

    Throwable failed = startWithout(grant, watched, refusals, RbacOperatorWideGrantsIT::notStarted);

    assertThat(refusals.calls()).anyMatch(c -> grant.neededBy(c, watched));
    assertThat(causes(failed))
        .as("why the operator did not start")
        .anyMatch(
            t ->
                RbacProofIT.forbidden(t.getMessage())
                    && t.getMessage().contains("cannot list resource \"scaledapis\"")
                    && t.getMessage().contains(watched));
  }

  /**
   * Once its watch of ScaledApis is refused, the operator framework ends the process (in a pod, it
   * restarts and its log says why); so the operator runs here as a process of its own.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void withoutWatchingScaledApisTheOperatorProcessEnds(@TempDir Path dir) throws Exception {
    Grant grant = grant("watch", "autoscaling.scaledapi.io", "scaledapis");
    String watched = "rbac-need-watch-scaledapis-ns";
    ChartRelease release = release(grant, watched);
    ChartProcess.Ended ended;
    try (ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      release.remove(account, grant, watched);
      Path kubeconfig =
          Files.writeString(
              dir.resolve("kubeconfig"), account.kubeConfigYaml(Duration.ofMinutes(10)));
      ended =
          ChartProcess.run(
              release.deployment(), kubeconfig, PROMETHEUS, dir, "rbac-need-watch-scaledapis");
    }

    assertThat(ended.exitCode()).as("exit code; output:%n%s", ended.output()).isNotZero();
    String refused =
        ended
            .output()
            .lines()
            .filter(
                l -> RbacProofIT.forbidden(l) && l.contains("/scaledapis?") && l.contains(watched))
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
  @Execution(ExecutionMode.CONCURRENT)
  @ParameterizedTest
  @ValueSource(strings = {"get", "create", "update"})
  void withoutALeaseRightTheOperatorDoesNotStart(String verb) {
    Grant grant = grant(verb, "coordination.k8s.io", "leases");

    Throwable failed =
        startWithout(
            grant,
            "rbac-need-" + verb + "-leases-ns",
            new Refusals(),
            RbacOperatorWideGrantsIT::notStarted);

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
  @Execution(ExecutionMode.CONCURRENT)
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
              await("a refusal of " + grant)
                  .atMost(DEADLINE)
                  .until(() -> refusals.refused(grant, leaseNamespace));
              RbacGrantsNeededIT.awaitLogged(
                  log, "cannot patch resource \"leases\"", leaseNamespace);
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
    ChartRelease release = release(grant, watched);
    try (ChartServiceAccount account = ChartServiceAccount.apply(admin, release.chart())) {
      String roleNamespace = grant.resource().equals("leases") ? release.namespace() : watched;
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
    List<Throwable> chain = new ArrayList<>();
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

  /** Release {@code rbac-need-<verb>-<resource>}, watching {@code watched}. */
  static ChartRelease release(Grant grant, String watched) {
    return ChartRelease.watching(
        "rbac-need-" + RbacGrantsNeededIT.name(grant), List.of(watched), PROMETHEUS);
  }

  static Grant grant(String verb, String group, String resource) {
    return new Grant(verb, group, resource);
  }
}
