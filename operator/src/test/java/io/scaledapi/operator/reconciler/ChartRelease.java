package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.scaledapi.operator.cli.ChartArgs;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.rbac.Grant;
import io.scaledapi.operator.testing.ChartServiceAccount;
import io.scaledapi.operator.testing.RealApiServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart rendered with helm-java as release {@code name} in namespace {@code <name>-system}, for
 * the real API server's version, and the settings its Deployment's arguments give an operator run
 * in the test's JVM (Prometheus at the test's unless the values name one).
 */
record ChartRelease(String name, List<HasMetadata> chart, ScaledApiOperator.Settings settings) {

  static ChartRelease render(String name, Map<String, String> values, URI prometheus) {
    String namespace = name + "-system";
    List<HasMetadata> chart = ChartRenderer.render(name, namespace, RealApiServer.VERSION, values);
    return new ChartRelease(
        name, chart, ChartArgs.settings(deployment(chart), namespace, prometheus, name));
  }

  /** The release with {@code watchNamespaces} set to {@code namespaces}. */
  static ChartRelease watching(String name, List<String> namespaces, URI prometheus) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < namespaces.size(); i++) {
      values.put("watchNamespaces[" + i + "]", namespaces.get(i));
    }
    return render(name, values, prometheus);
  }

  String namespace() {
    return name + "-system";
  }

  Deployment deployment() {
    return deployment(chart);
  }

  /** Removes {@code grant} from the applied Role in {@code ns} that grants it. */
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

  private static Deployment deployment(List<HasMetadata> chart) {
    List<Deployment> found =
        chart.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    assertThat(found).as("rendered Deployments").hasSize(1);
    return found.get(0);
  }
}
