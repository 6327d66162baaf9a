package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scaledapi.operator.helm.ChartRenderer;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code run --allowed-prometheus-address}: the addresses ScaledApis may name besides the default,
 * as the flag and as the Helm chart's {@code prometheus.allowedAddresses}.
 */
class AllowedPrometheusAddressTest {

  static ScaledApiOperator.Settings settings(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run.settings("test");
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
    return settings(args.subList(1, args.size()).toArray(String[]::new));
  }

  @Test
  void theFlagRepeatsAndTheDefaultStaysApart() {
    ScaledApiOperator.Settings settings =
        settings(
            "--prometheus-address=http://localhost:9090",
            "--allowed-prometheus-address=http://thanos-query.monitoring.svc:9090",
            "--allowed-prometheus-address",
            "http://prometheus.team-a.svc:9090/prom");

    assertThat(settings.defaultPrometheus()).contains(URI.create("http://localhost:9090"));
    assertThat(settings.allowedPrometheus())
        .containsExactly(
            URI.create("http://thanos-query.monitoring.svc:9090"),
            URI.create("http://prometheus.team-a.svc:9090/prom"));
  }

  /** The README's quick start: a default address, and no other address allowed. */
  @Test
  void withoutTheFlagOnlyTheDefaultIsAllowed() {
    ScaledApiOperator.Settings settings = settings("--prometheus-address=http://localhost:9090");
    assertThat(settings.allowedPrometheus()).isEmpty();
    assertThat(settings().allowedPrometheus()).isEmpty();
  }

  @Test
  void anAddressThatCannotBeAllowedIsRefusedNamingTheFlag() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--allowed-prometheus-address=thanos-query:9090")).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "--allowed-prometheus-address: thanos-query:9090 must start with http:// or https://,"
                + " e.g. http://prometheus.monitoring.svc:9090");

    assertThat(cli.run("run", "--allowed-prometheus-address=http://thanos:9090/?tenant=a"))
        .isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "--allowed-prometheus-address: http://thanos:9090/?tenant=a must not have a query"
                + " (?...) or a fragment (#...)");
  }

  @Test
  void theHelpExplainsTheRule() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--help")).isZero();
    assertThat(cli.out())
        .contains("--allowed-prometheus-address=URL")
        .contains("--prometheus-address is always allowed");
  }

  @Test
  void theChartPassesItsAllowedAddressesAndNoneByDefault() {
    ScaledApiOperator.Settings settings =
        settingsOfChart(
            Map.of(
                "prometheus.address",
                "http://prometheus-server.monitoring.svc",
                // as the chart's README sets it
                "prometheus.allowedAddresses[0]",
                "http://thanos-query.monitoring.svc:9090",
                "prometheus.allowedAddresses[1]",
                "https://prometheus.example.com/team-a"));

    assertThat(settings.defaultPrometheus())
        .isEqualTo(Optional.of(URI.create("http://prometheus-server.monitoring.svc")));
    assertThat(settings.allowedPrometheus())
        .containsExactly(
            URI.create("http://thanos-query.monitoring.svc:9090"),
            URI.create("https://prometheus.example.com/team-a"));
    assertThat(settingsOfChart(Map.of()).allowedPrometheus()).isEmpty();
  }
}
