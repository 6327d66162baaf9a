package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.report.HtmlReportTest;
import io.scaledapi.operator.report.NuHtmlChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code frontier} through the real command line, on a tiny trace and a small grid. */
class FrontierCommandTest {

  @TempDir Path dir;
  final CliRunner cli = new CliRunner();

  /** Two hours in 60 s bins: 20 req/s, with a jump to 150 req/s for the second hour. */
  Path trace() throws IOException {
    StringBuilder csv = new StringBuilder("t_seconds,requests\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i * 60).append(',').append(i < 60 ? 1200 : 9000).append('\n');
    }
    return Files.writeString(dir.resolve("trace.csv"), csv);
  }

  /** {@code frontier} on the trace at 10 req/s per replica, a grid of two shares, with more. */
  String[] frontier(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("frontier", "--trace", trace().toString()));
    List<String> given = List.of(more);
    args.addAll(List.of("--capacity", "10", "--confidences", "0.9"));
    if (!given.contains("--grid")) {
      args.addAll(List.of("--grid", "0.5,0.9"));
    }
    if (!given.contains("--report")) {
      args.addAll(List.of("--report", dir.resolve("frontier.html").toString()));
    }
    args.addAll(given);
    return args.toArray(String[]::new);
  }

  @Test
  void printsEachFrontierAndTheReadingsAndWritesTheReport() throws IOException {
    assertThat(cli.run(frontier("--threads", "2"))).as(cli.err()).isZero();

    assertThat(cli.out())
        .startsWith(
            "trace.csv: 2 hours of arrivals from t = 0, 612,000 requests, busiest minute 150"
                + " req/s\n")
        .contains(
            "\npolicies:                 ours, ours-reactive, hpa, keda, knative, oracle\n"
                + "grid (share of capacity): 0.5, 0.7, 0.9\n"
                + "ours' confidences:        0.9\n"
                + "runs:                     16\n")
        .doesNotContain("spec for ours")
        .contains("\nours\n| utilization, confidence ")
        .contains("\nours-reactive\n| utilization, prediction off ")
        .contains("\nhpa\n| target, share of capacity ")
        .contains("\nkeda\n| threshold, share of capacity ")
        .contains("\nknative\n| target utilization ")
        .contains("\noracle (perfect foresight, no knob): ")
        .contains("| baseline | its default: replica-seconds |")
        .contains("| at ours' default run ")
        .endsWith("\nreport: " + dir.resolve("frontier.html") + "\n");
    assertThat(cli.err())
        .startsWith("frontier: 16 runs of 2 hours of traffic on 2 threads\n")
        .contains("frontier: 16/16 ")
        .containsPattern("frontier:  1/16 \\S+ [^:]*: [0-9,]+ replica-s, [0-9.]+% waited > SLO")
        .containsPattern("\nfrontier: done: 16 runs on 2 threads in [0-9.]+ s\n$");
    String html = Files.readString(dir.resolve("frontier.html"));
    assertThat(HtmlReportTest.chartTitles(html)).hasSize(1);
    assertThat(html).contains("<th>runs</th><td>16</td>");
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }

  @Test
  void theOutputDoesNotDependOnTheThreads() throws IOException {
    String[] one = frontier("--threads", "1", "--policies", "hpa,knative");
    assertThat(cli.run(one)).as(cli.err()).isZero();
    String out = cli.out();
    String report = Files.readString(dir.resolve("frontier.html"));

    assertThat(cli.run(frontier("--threads", "3", "--policies", "hpa,knative"))).isZero();

    assertThat(cli.out()).isEqualTo(out);
    assertThat(Files.readString(dir.resolve("frontier.html"))).isEqualTo(report);
    // without ours there is nothing to read against it
    assertThat(out).doesNotContain("\nours\n", "ours-reactive", "| baseline |");
  }

  @Test
  void withNoArgumentsItSweepsEveryPolicyOverTheDefaultGrid() {
    FrontierCommand command = new FrontierCommand();
    new CommandLine(command).parseArgs();

    assertThat(command.grid).containsExactly(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
    assertThat(command.confidences).containsExactly(0.75, 0.9, 0.97);
    assertThat(command.threads).isNull();
    assertThat(command.report).isEqualTo(Path.of("frontier-report.html"));
    assertThat(command.options.policies).isEqualTo(PolicyCatalog.NAMES);
  }

  @Test
  void helpFitsEightyColumns() {
    assertThat(cli.run("frontier", "--help")).isZero();

    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    String flat = cli.out().replaceAll("\\s+", " ");
    assertThat(flat)
        .startsWith("Usage: scaledapi-operator frontier [OPTIONS] ")
        .contains("--grid=SHARES ", "--confidences=QS ", "--threads=N ", "--trace=FILE.csv")
        .contains("every policy, 8 shares of capacity, 57 runs.")
        .contains("Default: frontier-report.html in the current directory.")
        .contains("--spec is refused: ours runs its built-in spec");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--grid 0,0.5 | --grid: 0 is not above 0 and at most 1; give values such as 0.5,0.7,0.9",
        "--grid 0.5,1.2 | --grid: 1.2 is not above 0 and at most 1",
        "--grid 0.5,0.5 | --grid names 0.5 twice; name it once",
        "--grid lots | Invalid value for option '--grid'",
        "--confidences 0.5 | --confidences: 0.5 is not above 0.5 and at most 0.999; give values"
            + " such as 0.75,0.9,0.97",
        "--threads 0 | --threads must be at least 1; got 0",
        "--spec api.yaml | --spec: frontier sweeps ours' built-in spec over --grid and"
            + " --confidences; leave --spec out",
        "--policies ours,vpa | --policies: unknown policy 'vpa'",
        "--workload step | give either --trace FILE.csv or --workload NAME, not both",
        "--report no/such/dir/r.html | --report no/such/dir/r.html: the directory",
        "--slo 0 | --slo must be longer than 0",
      })
  void badOptionsAreRefusedNamingTheOptionAndTheFix(String options, String message)
      throws IOException {
    assertThat(cli.run(frontier(options.strip().split(" ")))).isEqualTo(2);

    assertThat(cli.err()).contains(message.strip());
    assertThat(cli.out()).isEmpty();
    assertThat(dir.resolve("frontier.html")).doesNotExist();
  }

  @Test
  void anUnreadableTraceIsNamed() {
    assertThat(cli.run("frontier", "--trace", dir.resolve("none.csv").toString())).isEqualTo(2);

    assertThat(cli.err()).contains("frontier: --trace: no such file: ");
  }
}
