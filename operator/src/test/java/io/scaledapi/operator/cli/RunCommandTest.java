package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run --namespace-label}, as the Helm chart passes it. */
class RunCommandTest {

  static ScaledApiOperator.Settings settingsOfChart(Map<String, String> values) {
    Deployment deployment =
        ChartRenderer.render(values).stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    List<String> args =
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    return run.settings("test");
  }

  @Test
  void theChartConfinesQueriesToTheNamespaceLabelByDefault() {
    assertThat(settingsOfChart(Map.of()).namespaceIsolation())
        .contains(new NamespaceIsolation("namespace"));
  }

  @Test
  void theChartCanUseAnotherLabelOrTurnIsolationOff() {
    assertThat(
            settingsOfChart(Map.of("prometheus.namespaceLabel", "kubernetes_namespace"))
                .namespaceIsolation())
        .contains(new NamespaceIsolation("kubernetes_namespace"));
    assertThat(
            settingsOfChart(Map.of("prometheus.isolateNamespaces", "false")).namespaceIsolation())
        .isEqualTo(Optional.empty());
  }

  @Test
  void withoutTheOptionQueriesAreSentAsWritten() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs();
    assertThat(run.settings("test").namespaceIsolation()).isEmpty();
  }

  @Test
  void aLabelThatIsNoLabelNameIsRefusedNamingTheOption() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--namespace-label=name-space")).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "--namespace-label: the namespace label must be a Prometheus label name such as"
                + " namespace or kubernetes_namespace; got \"name-space\"");
  }

  @Test
  void theHelpExplainsTheOption() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--help")).isZero();
    assertThat(cli.out()).contains("--namespace-label=LABEL").contains("Confine each ScaledApi's");
  }
}
