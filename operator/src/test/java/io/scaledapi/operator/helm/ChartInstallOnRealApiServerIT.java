package io.scaledapi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.operator.testing.RealApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart installed, upgraded and uninstalled by native Helm (helm-java) against a real
 * kube-apiserver. The server has no controller-manager, so the Deployment is stored but runs no
 * pods; Helm is therefore not asked to wait for readiness. Each test has its own release and
 * namespaces.
 */
class ChartInstallOnRealApiServerIT {
  private static final String CHART_NAME = "scaledapi-operator";
  private static final String CRD = "scaledapis.autoscaling.scaledapi.io";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path temp;

  private static KubernetesClient client;
  private static Path kubeConfig;

  @BeforeAll
  static void writeKubeConfig() throws IOException {
    RealApiServer server = RealApiServer.get();
    System.out.println("[real-api-server] started in " + server.startup().toMillis() + " ms");
    client = server.client();
    kubeConfig = Files.writeString(temp.resolve("kubeconfig.yaml"), server.kubeConfigYaml());
  }

  @Test
  void installCreatesEveryRenderedObject() {
    String release = "chart-install";
    String namespace = "chart-install-system";
    String fullname = release + "-" + CHART_NAME;

    Release installed = install(release, namespace);

    assertThat(installed.getStatus()).isEqualTo("deployed");
    List<HasMetadata> rendered = render(release, namespace, Map.of());
    assertThat(refs(rendered))
        .containsExactlyInAnyOrder(
            new Ref("CustomResourceDefinition", null, CRD),
            new Ref("ServiceAccount", namespace, fullname),
            new Ref("ClusterRole", null, fullname),
            new Ref("ClusterRoleBinding", null, fullname),
            new Ref("Role", namespace, fullname + "-leader-election"),
            new Ref("RoleBinding", namespace, fullname + "-leader-election"),
            new Ref("Service", namespace, fullname + "-metrics"),
            new Ref("Deployment", namespace, fullname));
    assertStoredByRelease(rendered, release);
    awaitCrdEstablished();

    Deployment deployment =
        client.apps().deployments().inNamespace(namespace).withName(fullname).get();
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(fullname);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--leader-election", "--lease-namespace=" + namespace)
        .noneMatch(arg -> arg.startsWith("--namespace="));
    assertThat(
            client.rbac().clusterRoleBindings().withName(fullname).get().getSubjects().stream()
                .map(ChartInstallOnRealApiServerIT::subject))
        .containsExactly("ServiceAccount " + namespace + "/" + fullname);
    assertThat(Helm.list().withKubeConfig(kubeConfig).withNamespace(namespace).call())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getName()).isEqualTo(release);
              assertThat(r.getStatus()).isEqualTo("deployed");
              assertThat(r.getRevision()).isEqualTo("1");
              assertThat(r.getChart()).isEqualTo(CHART_NAME + "-0.1.0");
            });
  }

  @Test
  void upgradeToWatchNamespacesSwapsTheClusterRoleForRoles() {
    String release = "chart-upgrade";
    String namespace = "chart-upgrade-system";
    String fullname = release + "-" + CHART_NAME;
    List<String> watched = List.of("chart-upgrade-team-a", "chart-upgrade-team-b");
    install(release, namespace);
    List<PolicyRule> clusterRules =
        client.rbac().clusterRoles().withName(fullname).get().getRules();
    assertThat(clusterRules).isNotEmpty();
    // Helm does not create the watched namespaces; the Roles go into existing ones.
    watched.forEach(ChartInstallOnRealApiServerIT::createNamespace);

    Map<String, String> values =
        Map.of("watchNamespaces[0]", watched.get(0), "watchNamespaces[1]", watched.get(1));
    UpgradeCommand upgrade =
        new Helm(ChartRenderer.CHART)
            .upgrade()
            .withName(release)
            .withNamespace(namespace)
            .withKubeConfig(kubeConfig);
    values.forEach(upgrade::set);
    Release upgraded = upgrade.call();

    assertThat(upgraded.getStatus()).isEqualTo("deployed");
    assertThat(upgraded.getRevision()).isEqualTo("2");
    List<HasMetadata> rendered = render(release, namespace, values);
    assertThat(refs(rendered))
        .containsExactlyInAnyOrder(
            new Ref("CustomResourceDefinition", null, CRD),
            new Ref("ServiceAccount", namespace, fullname),
            new Ref("Role", watched.get(0), fullname),
            new Ref("RoleBinding", watched.get(0), fullname),
            new Ref("Role", watched.get(1), fullname),
            new Ref("RoleBinding", watched.get(1), fullname),
            new Ref("Role", namespace, fullname + "-leader-election"),
            new Ref("RoleBinding", namespace, fullname + "-leader-election"),
            new Ref("Service", namespace, fullname + "-metrics"),
            new Ref("Deployment", namespace, fullname));
    assertStoredByRelease(rendered, release);
    await("the ClusterRole and ClusterRoleBinding deleted")
        .atMost(DEADLINE)
        .until(
            () ->
                client.rbac().clusterRoles().withName(fullname).get() == null
                    && client.rbac().clusterRoleBindings().withName(fullname).get() == null);
    for (String watchedNamespace : watched) {
      Role role = client.rbac().roles().inNamespace(watchedNamespace).withName(fullname).get();
      assertThat(role.getRules()).as("rules in " + watchedNamespace).isEqualTo(clusterRules);
      RoleBinding binding =
          client.rbac().roleBindings().inNamespace(watchedNamespace).withName(fullname).get();
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo(fullname);
      assertThat(binding.getSubjects().stream().map(ChartInstallOnRealApiServerIT::subject))
          .containsExactly("ServiceAccount " + namespace + "/" + fullname);
    }
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(fullname)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsSubsequence("--namespace=" + watched.get(0), "--namespace=" + watched.get(1));
    assertThat(Helm.list().withKubeConfig(kubeConfig).withNamespace(namespace).call())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStatus()).isEqualTo("deployed");
              assertThat(r.getRevision()).isEqualTo("2");
            });
  }

  @Test
  void uninstallDeletesTheReleaseButKeepsTheCrd() {
    String release = "chart-uninstall";
    String namespace = "chart-uninstall-system";
    install(release, namespace);
    List<HasMetadata> installed =
        render(release, namespace, Map.of()).stream()
            .filter(o -> !(o instanceof CustomResourceDefinition))
            .toList();
    assertStoredByRelease(installed, release);

    String output =
        Helm.uninstall(release).withNamespace(namespace).withKubeConfig(kubeConfig).call();

    System.out.println("[helm] uninstall: " + output.strip());
    await("the release's objects deleted")
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(installed)
                    .allSatisfy(
                        o -> assertThat(client.resource(o).get()).as(ref(o).toString()).isNull()));
    assertThat(Helm.list().withKubeConfig(kubeConfig).withNamespace(namespace).call()).isEmpty();
    assertThat(
            client
                .secrets()
                .inNamespace(namespace)
                .withLabel("owner", "helm")
                .withLabel("name", release)
                .list()
                .getItems())
        .as("Helm's release records")
        .isEmpty();
    // Helm never deletes what it installed from crds/.
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get())
        .isNotNull();
    assertThat(established()).isTrue();
  }

  private static Release install(String release, String namespace) {
    long started = System.nanoTime();
    Release installed =
        new Helm(ChartRenderer.CHART)
            .install()
            .withName(release)
            .withNamespace(namespace)
            .createNamespace()
            .withKubeConfig(kubeConfig)
            .call();
    System.out.printf(
        "[helm] install %s in %s: %s in %d ms%n",
        release,
        namespace,
        installed.getStatus(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return installed;
  }

  /** What Helm installs: the templates rendered with these values, and the CRD from crds/. */
  private static List<HasMetadata> render(
      String release, String namespace, Map<String, String> values) {
    List<HasMetadata> objects =
        new ArrayList<>(ChartRenderer.render(release, namespace, RealApiServer.VERSION, values));
    objects.addAll(ChartRenderer.parse(new Helm(ChartRenderer.CHART).show().crds().call()));
    return objects;
  }

  /** Every object is on the server; all but the CRD carry the release's Helm ownership. */
  private static void assertStoredByRelease(List<HasMetadata> objects, String release) {
    for (HasMetadata object : objects) {
      HasMetadata stored = client.resource(object).get();
      assertThat(stored).as(ref(object) + " on the server").isNotNull();
      if (object instanceof CustomResourceDefinition) {
        continue;
      }
      assertThat(stored.getMetadata().getLabels())
          .as(ref(object) + " labels")
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("app.kubernetes.io/instance", release);
      assertThat(stored.getMetadata().getAnnotations())
          .as(ref(object) + " annotations")
          .containsEntry("meta.helm.sh/release-name", release);
    }
  }

  private static void awaitCrdEstablished() {
    await("the " + CRD + " CRD established")
        .atMost(DEADLINE)
        .until(ChartInstallOnRealApiServerIT::established);
  }

  private static boolean established() {
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }

  private static void createNamespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static String subject(Subject subject) {
    return subject.getKind() + " " + subject.getNamespace() + "/" + subject.getName();
  }

  private static Set<Ref> refs(List<HasMetadata> objects) {
    return objects.stream().map(ChartInstallOnRealApiServerIT::ref).collect(Collectors.toSet());
  }

  private static Ref ref(HasMetadata object) {
    return new Ref(
        object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** An object by kind, namespace (null when cluster-scoped) and name. */
  private record Ref(String kind, String namespace, String name) {}
}
