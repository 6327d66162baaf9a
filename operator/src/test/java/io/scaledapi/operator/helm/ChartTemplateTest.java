package io.scaledapi.operator.helm;

import static io.scaledapi.operator.helm.ChartRenderer.NAMESPACE;
import static io.scaledapi.operator.helm.ChartRenderer.render;
import static io.scaledapi.operator.helm.ChartRenderer.renderYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code helm lint} and {@code helm template} with defaults and with the values SREs change. */
class ChartTemplateTest {
  static final String CRD_FILE = "crds/scaledapis.autoscaling.scaledapi.io-v1.yml";

  @Test
  void lintStrictPasses() {
    LintResult lint = new Helm(ChartRenderer.CHART).lint().strict().call();
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void defaultsRenderTheOperatorWithClusterWideRbacAndEveryObjectParsesIntoItsType() {
    List<HasMetadata> objects = render(Map.of());

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment");
    assertThat(objects).noneMatch(GenericKubernetesResource.class::isInstance);
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "scaledapi-operator")
                    .containsEntry("app.kubernetes.io/instance", ChartRenderer.RELEASE)
                    .containsEntry("app.kubernetes.io/version", "0.1.0")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("helm.sh/chart", "scaledapi-operator-0.1.0"));

    Deployment deployment = one(objects, Deployment.class);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(container.getImage()).isEqualTo("scaledapi-operator:0.1.0");
    assertThat(container.getArgs())
        .containsExactly(
            "run",
            "--metrics-port=8080",
            "--log-level=info",
            "--leader-election",
            "--lease-name=scaledapi-operator",
            "--lease-namespace=" + NAMESPACE,
            "--namespace-label=namespace");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo("metrics");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("scaledapi-operator");

    ClusterRoleBinding binding = one(objects, ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getName())
        .isEqualTo(one(objects, ClusterRole.class).getMetadata().getName());
    assertThat(binding.getSubjects())
        .extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ServiceAccount", "scaledapi-operator", NAMESPACE));

    Role lease = one(objects, Role.class);
    assertThat(lease.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(lease.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(r.getResources()).containsExactly("leases");
              assertThat(r.getVerbs())
                  .containsExactlyInAnyOrder("get", "create", "update", "patch");
            });

    Service service = one(objects, Service.class);
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
  }

  @Test
  void clusterRoleGrantsTheDocumentedRules() {
    ClusterRole role = one(render(Map.of()), ClusterRole.class);

    assertThat(role.getRules())
        .extracting(ChartTemplateTest::describe)
        .containsExactlyInAnyOrder(
            "autoscaling.scaledapi.io scaledapis list,watch",
            "autoscaling.scaledapi.io scaledapis/status patch",
            "apps deployments,statefulsets list,watch",
            "apps replicasets get",
            "apps deployments/scale,statefulsets/scale,replicasets/scale get,update",
            "autoscaling horizontalpodautoscalers list,watch",
            " events create",
            " secrets,configmaps get");
  }

  @Test
  void watchNamespacesGrantsRolesInThoseNamespacesAndNothingClusterWide() {
    List<HasMetadata> objects =
        render(Map.of("watchNamespaces[0]", "shop", "watchNamespaces[1]", "payments"));
    List<String> clusterRules =
        one(render(Map.of()), ClusterRole.class).getRules().stream()
            .map(ChartTemplateTest::describe)
            .toList();

    assertThat(objects).noneMatch(o -> o instanceof ClusterRole || o instanceof ClusterRoleBinding);
    List<Role> roles = all(objects, Role.class);
    assertThat(roles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("shop", "payments", NAMESPACE);
    assertThat(roles)
        .filteredOn(r -> !r.getMetadata().getNamespace().equals(NAMESPACE))
        .allSatisfy(
            r ->
                assertThat(r.getRules())
                    .extracting(ChartTemplateTest::describe)
                    .containsExactlyElementsOf(clusterRules));
    assertThat(roles)
        .filteredOn(r -> r.getMetadata().getNamespace().equals(NAMESPACE))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getRules())
                    .extracting(ChartTemplateTest::describe)
                    .containsExactly("coordination.k8s.io leases get,create,update,patch"));
    assertThat(all(objects, RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("shop", "payments", NAMESPACE);
    assertThat(all(objects, RoleBinding.class))
        .allSatisfy(
            b -> {
              assertThat(roles)
                  .anyMatch(
                      r ->
                          r.getMetadata().getName().equals(b.getRoleRef().getName())
                              && r.getMetadata()
                                  .getNamespace()
                                  .equals(b.getMetadata().getNamespace()));
              assertThat(b.getSubjects().get(0).getNamespace()).isEqualTo(NAMESPACE);
            });
    assertThat(args(objects)).contains("--namespace=shop", "--namespace=payments");
  }

  /** The addresses the chart's README gives for the two common Prometheus stacks. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://prometheus-server.monitoring.svc",
        "http://prometheus-operated.monitoring.svc:9090"
      })
  void prometheusAddressLogLevelAndPortReachTheArguments(String address) {
    List<HasMetadata> objects =
        render(Map.of("prometheus.address", address, "logLevel", "debug", "metrics.port", "9100"));

    assertThat(args(objects))
        .contains("--prometheus-address=" + address, "--log-level=debug", "--metrics-port=9100");
    assertThat(one(objects, Service.class).getSpec().getPorts().get(0).getPort()).isEqualTo(9100);
  }

  @Test
  void namespaceIsolationCanUseAnotherLabelOrBeTurnedOff() {
    assertThat(args(render(Map.of("prometheus.namespaceLabel", "kubernetes_namespace"))))
        .contains("--namespace-label=kubernetes_namespace");
    assertThat(args(render(Map.of("prometheus.isolateNamespaces", "false"))))
        .noneMatch(a -> a.startsWith("--namespace-label"));
  }

  @Test
  void serviceMonitorSelectsTheMetricsService() {
    List<HasMetadata> objects =
        render(
            Map.of(
                "metrics.serviceMonitor.enabled", "true",
                "metrics.serviceMonitor.interval", "15s",
                "metrics.serviceMonitor.labels.release", "prometheus"));

    GenericKubernetesResource monitor =
        objects.stream()
            .filter(o -> o.getKind().equals("ServiceMonitor"))
            .map(GenericKubernetesResource.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    assertThat(one(objects, Service.class).getMetadata().getLabels())
        .containsAllEntriesOf(selector);
    assertThat((String) monitor.get("spec", "endpoints", 0, "port")).isEqualTo("metrics");
    assertThat((String) monitor.get("spec", "endpoints", 0, "interval")).isEqualTo("15s");
    assertThat(render(Map.of())).noneMatch(o -> o.getKind().equals("ServiceMonitor"));
  }

  @Test
  void serviceMonitorWithoutTheServiceFails() {
    assertThatThrownBy(
            () ->
                renderYaml(
                    Map.of(
                        "metrics.serviceMonitor.enabled", "true",
                        "metrics.service.enabled", "false")))
        .hasMessageContaining("metrics.serviceMonitor.enabled needs metrics.service.enabled=true");
  }

  @Test
  void rbacCreateFalseRendersNoRbac() {
    List<HasMetadata> objects =
        render(Map.of("rbac.create", "false", "watchNamespaces[0]", "shop"));

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment");
    assertThat(render(Map.of("rbac.create", "false")))
        .noneMatch(o -> o.getApiVersion().startsWith("rbac.authorization.k8s.io"));
  }

  @Test
  void anExistingServiceAccountIsUsedAndBound() {
    List<HasMetadata> objects =
        render(Map.of("serviceAccount.create", "false", "serviceAccount.name", "operators"));

    assertThat(objects).noneMatch(ServiceAccount.class::isInstance);
    assertThat(
            one(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName())
        .isEqualTo("operators");
    assertThat(one(objects, ClusterRoleBinding.class).getSubjects().get(0).getName())
        .isEqualTo("operators");
    assertThat(one(objects, RoleBinding.class).getSubjects().get(0).getName())
        .isEqualTo("operators");
  }

  @Test
  void twoReplicasElectALeader() {
    List<HasMetadata> objects = render(Map.of("replicaCount", "2"));

    assertThat(one(objects, Deployment.class).getSpec().getReplicas()).isEqualTo(2);
    assertThat(args(objects)).contains("--leader-election");
    assertThatThrownBy(
            () -> renderYaml(Map.of("replicaCount", "2", "leaderElection.enabled", "false")))
        .hasMessageContaining("replicaCount above 1 needs leaderElection.enabled=true");
  }

  @Test
  void withoutLeaderElectionThereIsNoLeaseRole() {
    List<HasMetadata> objects = render(Map.of("leaderElection.enabled", "false"));

    assertThat(args(objects)).contains("--no-leader-election").doesNotContain("--leader-election");
    assertThat(args(objects)).noneMatch(a -> a.startsWith("--lease-"));
    assertThat(objects).noneMatch(o -> o instanceof Role || o instanceof RoleBinding);
  }

  @Test
  void extraScaleTargetsAddGetOnTheKindAndGetUpdateOnItsScale() {
    List<HasMetadata> objects =
        render(
            Map.of(
                "rbac.extraScaleTargets[0].apiGroup", "argoproj.io",
                "rbac.extraScaleTargets[0].resource", "rollouts"));

    assertThat(one(objects, ClusterRole.class).getRules())
        .extracting(ChartTemplateTest::describe)
        .contains("argoproj.io rollouts get", "argoproj.io rollouts/scale get,update");
  }

  @Test
  void imageTagDefaultsToAppVersionAndCanBeSet() {
    var container =
        one(
                render(
                    Map.of(
                        "image.repository",
                        "registry.example.com/scaledapi-operator",
                        "image.tag",
                        "0.1.1")),
                Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(container.getImage()).isEqualTo("registry.example.com/scaledapi-operator:0.1.1");
  }

  @Test
  void theCrdComesFromCrdsDirectoryAndNoTemplateRendersIt() throws IOException {
    String shown = new Helm(ChartRenderer.CHART).show().crds().call();
    String file = Files.readString(ChartRenderer.CHART.resolve(CRD_FILE));

    assertThat(shown.strip()).isEqualTo(file.strip());
    assertThat(ChartRenderer.parse(shown))
        .singleElement()
        .isInstanceOfSatisfying(
            CustomResourceDefinition.class,
            crd -> assertThat(crd.getSpec().getGroup()).isEqualTo("autoscaling.scaledapi.io"));
    assertThat(
            render(Map.of("watchNamespaces[0]", "shop", "metrics.serviceMonitor.enabled", "true")))
        .noneMatch(CustomResourceDefinition.class::isInstance);
  }

  static String describe(PolicyRule rule) {
    return String.join(",", rule.getApiGroups())
        + " "
        + String.join(",", rule.getResources())
        + " "
        + String.join(",", rule.getVerbs());
  }

  static List<String> args(List<HasMetadata> objects) {
    return one(objects, Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getArgs();
  }

  static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = all(objects, type);
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
