package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code backtest}'s options, checked before any query; and a Prometheus that is not there. */
class BacktestCommandTest {

  @TempDir Path dir;
  final CliRunner cli = new CliRunner();

  String[] backtest(String capacity, String... more) throws IOException {
    Path spec = Files.writeString(dir.resolve("api.yaml"), CliRunner.SPEC_YAML.formatted(capacity));
    List<String> args = new ArrayList<>(List.of("backtest", "--spec", spec.toString()));
    List<String> given = List.of(more);
    if (!given.contains("--prometheus")) {
      args.addAll(List.of("--prometheus", "http://127.0.0.1:9"));
    }
    args.addAll(List.of("--report", dir.resolve("r.html").toString()));
    args.addAll(given);
    return args.toArray(String[]::new);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10 | --step 1500ms | --step must be whole seconds, at least 1s, e.g. 15s",
        "10 | --last 10s | --last must be longer than --step and at most 90d, e.g. 7d; got 10s",
        "10 | --last 91d | --last must be longer than --step and at most 90d",
        "10 | --last soon | Invalid value for option '--last': 'soon' is not a duration",
        "10 | --prometheus ftp://host | --prometheus ftp://host: Prometheus address must start with"
            + " http:// or https://",
        "10 | --policies hpa,hpa | --policies names hpa twice",
        "10 | --startup-jitter 2m | --startup-jitter 2m is longer than --startup 1m",
        "auto | --policies hpa | --capacity is required: the spec's prediction.capacityPerReplica"
            + " is not a number; give the requests per second one replica serves, e.g. --capacity"
            + " 50",
      })
  void badOptionsAreRefusedBeforeAnyQuery(String capacity, String options, String message)
      throws IOException {
    assertThat(cli.run(backtest(capacity.strip(), options.strip().split(" ")))).isEqualTo(2);

    assertThat(cli.err()).contains(message.strip());
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void helpSaysTheSpecIsRequiredAndWhatOverridesItWithoutBreakingAnExample() {
    assertThat(cli.run("backtest", "--help")).isZero();

    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    // a break inside a name or example would leave a space in it here
    String flat = cli.out().replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("--spec is required.")
        .contains("http://localhost:9090;")
        .contains("overrides the spec's prometheus.address")
        .contains("overrides the spec's arrivalRate.query")
        .contains("sum(rate(api_requests_arrived_total[1m]))")
        .contains("Default: backtest-report.html in the current directory.")
        .doesNotContain("Default: the spec's.");
  }

  @Test
  void theSpecIsRequiredAndTheQueryAndAddressWhenItHasNone() throws IOException {
    assertThat(cli.run("backtest", "--prometheus", "http://127.0.0.1:9")).isEqualTo(2);
    assertThat(cli.err()).contains("--spec SCALEDAPI.yaml is required");

    String bare =
        CliRunner.SPEC_YAML
            .formatted(10)
            .replaceAll("(?m)^  (prediction|arrivalRate):.*$", "")
            .replaceAll("(?m)^    query: sum\\(rate.*$", "");
    Path spec = Files.writeString(dir.resolve("bare.yaml"), bare);
    assertThat(cli.run("backtest", "--spec", spec.toString(), "--capacity", "5")).isEqualTo(2);
    assertThat(cli.err()).contains("--query is required: the spec has no arrivalRate.query");

    String[] withQuery = {
      "backtest", "--spec", spec.toString(), "--capacity", "5", "--query", "up"
    };
    assertThat(cli.run(withQuery)).isEqualTo(2);
    assertThat(cli.err())
        .contains("--prometheus is required: the spec names no prometheus.address");
  }

  @Test
  void anUnreachablePrometheusIsAFailureNamingIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String address = "http://127.0.0.1:" + port;

    assertThat(cli.run(backtest("10", "--prometheus", address, "--last", "1h"))).isEqualTo(1);

    assertThat(cli.err())
        .startsWith("backtest: loading history stopped at range query 1 of 1 (")
        .contains(" at " + address);
    assertThat(cli.out()).isEmpty();
    assertThat(dir.resolve("r.html")).doesNotExist();
  }
}
