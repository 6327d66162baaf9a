package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.operator.cli.ChartArgs;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.rbac.ApiCall;
import io.scaledapi.operator.rbac.RbacRules;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC is exactly what the operator uses: the operator runs with the arguments of the
 * rendered Deployment, on a mock API server, through every path that calls the API server; every
 * call it made must be allowed by the rendered rules bound to its ServiceAccount, and every
 * permission granted must be used by some call.
 */
// an operator started in a try block runs for the block; its variable is not needed in it
@SuppressWarnings("try")
@MockApiServer
class RbacProofIT {
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  /** A fresh API server per test, so that each operator elects itself on a Lease of its own. */
  KubernetesClient client;

  KubernetesMockServer server;

  @BeforeAll
  static void startPrometheus() {
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
  }

  @AfterAll
  static void stopPrometheus() {
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  void allNamespacesInstallGrantsExactlyWhatTheOperatorUses() {
    prove(Map.of(), List.of("team-a", "team-b"));
  }

  @Test
  void watchNamespacesInstallGrantsExactlyWhatTheOperatorUses() {
    prove(
        Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"),
        List.of("team-a", "team-b"));
  }

  void prove(Map<String, String> values, List<String> namespaces) {
    List<HasMetadata> chart = ChartRenderer.render(values);
    Deployment deployment = only(chart, Deployment.class);
    String release = Optional.ofNullable(deployment.getMetadata().getNamespace()).orElse("default");
    String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    RbacRules rbac = RbacRules.boundTo(chart, serviceAccount, release);

    answerRulesReviews(rbac, release);
    MockCluster cluster = MockCluster.of(client);
    var settings = ChartArgs.settings(deployment, release, prometheus.baseUri(), "rbac-proof");
    assertThat(settings.leaderElection()).as("leader election in the default install").isPresent();
    cluster.ensureNamespace(release);
    Set<ApiCall> calls;
    try (ScaledApiOperator operator = cluster.startOperator(settings)) {
      RbacScenario scenario = new RbacScenario(cluster, exporter, prometheus.baseUri());
      namespaces.forEach(scenario::run);
      // a renewal is an update of the Lease the operator holds
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(cluster.log().calls())
                      .as("calls, a Lease renewal among them")
                      .anyMatch(RbacProofIT::leaseUpdate));
    } finally {
      cluster.close();
    }
    calls = new HashSet<>(cluster.log().calls());
    calls.addAll(
        leaseCheck(settings.leaderElection().orElseThrow().leaseNamespace().orElseThrow()));

    List<ApiCall> denied = calls.stream().filter(c -> !rbac.allows(c)).sorted(BY_TEXT).toList();
    List<String> unused = rbac.unused(calls);
    assertThat(denied.isEmpty() && unused.isEmpty())
        .as(
            "RBAC of the chart rendered with %s%ngranted:%n%s%nneeded:%n%s%n"
                + "needed but not granted:%n%s%ngranted but never used:%n%s",
            values,
            lines(rbac.grants().stream().map(Object::toString)),
            lines(calls.stream().map(RbacProofIT::needed)),
            lines(denied.stream().map(Object::toString)),
            lines(unused.stream()))
        .isTrue();
  }

  /**
   * Answers the operator's check of its Lease permissions as the API server would with the chart
   * installed: with the rules that apply in the release namespace.
   */
  void answerRulesReviews(RbacRules rbac, String namespace) {
    SelfSubjectRulesReview review = new SelfSubjectRulesReview();
    review.setSpec(new SelfSubjectRulesReviewSpec(namespace));
    review.setStatus(
        new SubjectRulesReviewStatus(null, false, List.of(), rbac.resourceRulesIn(namespace)));
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  static final java.util.Comparator<ApiCall> BY_TEXT =
      java.util.Comparator.comparing(ApiCall::toString);

  static boolean leaseUpdate(ApiCall c) {
    return c.resource().equals("leases") && c.verb().equals("patch");
  }

  /**
   * What JOSDK's start-up check of the Lease demands, though the client renews with a patch: one
   * rule granting get, create and update on leases in the Lease's namespace, or it will not start.
   */
  static List<ApiCall> leaseCheck(String namespace) {
    return Stream.of("get", "create", "update")
        .map(v -> ApiCall.resource(v, "coordination.k8s.io", "leases", "", namespace))
        .toList();
  }

  /** A call without the object's name, except for a Lease, which RBAC may restrict by name. */
  static String needed(ApiCall c) {
    return c.resource().equals("leases") ? c.toString() : c.withName("").toString();
  }

  static String lines(java.util.stream.Stream<String> items) {
    return items.map(s -> "  " + s).collect(Collectors.toCollection(TreeSet::new)).stream()
        .collect(Collectors.joining("\n"));
  }

  static <T> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }
}
