package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run}: its options, {@code --namespace-label} as the Helm chart passes it, and a start
 * without a reachable cluster.
 */
class RunCommandTest {

  @TempDir Path dir;

  @AfterEach
  void forgetTheKubeconfigOption() {
    // --kubeconfig names its file in this system property, for fabric8
    System.clearProperty(ConfigSource.KUBECONFIG_PROPERTY);
  }

  /** A kubeconfig whose current context, dev, has the server {@code server}. */
  static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: dev
          cluster: {server: "%s"}
        users:
        - name: dev
          user: {token: not-checked}
        contexts:
        - name: dev
          context: {cluster: dev, user: dev}
        current-context: dev
        """
        .formatted(server);
  }

  /** Outside a pod the Lease's namespace comes from the context; kind's contexts have none. */
  @Test
  void aContextWithoutANamespaceMeansDefaultAsForKubectl() {
    String withoutNamespace = kubeconfig("https://127.0.0.1:6443");
    String withNamespace = withoutNamespace.replace("user: dev}", "user: dev, namespace: team}");
    assertThat(
            RunCommand.withKubectlNamespace(Config.fromKubeconfig(withoutNamespace)).getNamespace())
        .isEqualTo("default");
    assertThat(RunCommand.withKubectlNamespace(Config.fromKubeconfig(withNamespace)).getNamespace())
        .isEqualTo("team");
  }

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

  @Test
  void theHelpNamesEveryValueAndKeepsUrlsAndPathsWhole() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--help")).isZero();
    assertThat(cli.out())
        .contains("--kubeconfig=FILE", "--prometheus-address=URL", "--log-level=LEVEL")
        .contains("http://prometheus:9090", "~/.kube/config")
        .contains("One of trace, debug, info, warn, error;")
        // picocli's own labels, such as <leaseName>, are not used
        .doesNotContainPattern("=<\\w+>");
  }

  @Test
  void anUnknownLogLevelIsRefusedListingTheLevels() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--log-level", "verbose")).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "Invalid value for option '--log-level': expected one of"
                + " [trace, debug, info, warn, error] but was 'verbose'");
  }

  @Test
  void logLevelsAreReadInAnyCase() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--log-level", "DEBUG");
    assertThat(run.logLevel).isEqualTo(LogLevel.DEBUG);
    new CommandLine(run).parseArgs();
    assertThat(run.logLevel).isEqualTo(LogLevel.INFO);
  }

  @Test
  void aClusterThatIsDownFailsFastInOneLineNamingTheServerAndTheFile() throws IOException {
    String server = "https://127.0.0.1:" + ApiServerCheckTest.closedPort() + "/";
    Path file = Files.writeString(dir.resolve("kubeconfig"), kubeconfig(server));
    CliRunner cli = new CliRunner();
    int exit =
        assertTimeout(
            Duration.ofSeconds(10), () -> cli.run("run", "--kubeconfig", file.toString()));
    assertThat(exit).isEqualTo(1);
    assertThat(cli.err())
        .isEqualTo(
            "run: cannot reach the Kubernetes API server "
                + server
                + " (connection refused). It comes from "
                + file
                + " (named by --kubeconfig, context dev). Start the cluster, or point KUBECONFIG"
                + " or --kubeconfig at a running one."
                + System.lineSeparator());
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void aKubeconfigThatIsNoYamlIsNamedInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("kubeconfig"), "clusters: [oops\n");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--kubeconfig", file.toString())).isEqualTo(1);
    assertThat(cli.err().lines())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("run: cannot read the kubeconfig " + file + ": while parsing a flow sequence")
        .contains("expected ',' or ']'");
  }

  @Test
  void aMissingKubeconfigIsAnOptionError() {
    CliRunner cli = new CliRunner();
    Path missing = dir.resolve("missing");
    assertThat(cli.run("run", "--kubeconfig", missing.toString())).isEqualTo(2);
    assertThat(cli.err()).startsWith("--kubeconfig: no such file: " + missing);
  }
}
