package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.report.HtmlReportTest;
import io.scaledapi.operator.report.NuHtmlChecker;
import io.scaledapi.operator.sim.BuiltInWorkloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code simulate} through the real command line, on a tiny trace in a temporary directory. */
class SimulateCommandTest {

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

  /** {@code simulate} on the trace with {@code more}, at 10 req/s per replica into report.html. */
  String[] simulate(String... more) throws IOException {
    List<String> args =
        new java.util.ArrayList<>(List.of("simulate", "--trace", trace().toString()));
    List<String> given = List.of(more);
    if (!given.contains("--capacity")) {
      args.addAll(List.of("--capacity", "10"));
    }
    if (!given.contains("--report")) {
      args.addAll(List.of("--report", dir.resolve("report.html").toString()));
    }
    args.addAll(given);
    return args.toArray(String[]::new);
  }

  @Test
  void printsTheTableAndWritesTheReport() throws IOException {
    assertThat(cli.run(simulate())).as(cli.err()).isZero();

    assertThat(cli.out())
        .startsWith(
            "trace.csv: 2 hours of arrivals from t = 0, 612,000 requests, busiest minute 150"
                + " req/s\n")
        .contains("| policy  |")
        .containsPattern("\\|\n\nours: capacity per replica (learned: [0-9.]+ req/s|not learned)\n")
        .containsPattern("\n\n\\S+ let the fewest requests wait longer than the SLO of 250ms: ")
        .contains(" are the floor.\n\nreport: ")
        .endsWith("\nreport: " + dir.resolve("report.html") + "\n");
    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l).doesNotStartWith(" "));
    List<String> rows = cli.tableRows();
    assertThat(rows).hasSize(5);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).startsWith("| " + PolicyCatalog.NAMES.get(i) + " ");
    }
    assertThat(rows.get(4)).matches("\\| oracle .* 1\\.00x \\| +\\+0\\.000 pp \\|");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(HtmlReportTest.chartTitles(html))
        .startsWith(HtmlReportTest.OVERVIEW.toArray(String[]::new));
    assertThat(html)
        .contains("<th>start-up</th><td>1m</td>", "<td>trace.csv</td>")
        .contains("2 hours from t = 0, 612,000 requests.")
        .contains("time counted from t = 0.")
        .doesNotContain("1970");
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }

  @Test
  void printsTheSettingsBetweenTheTrafficAndTheTable() throws IOException {
    String[] args = simulate("--startup-jitter", "20s", "--seed", "7", "--policies", "hpa,oracle");
    assertThat(cli.run(args)).as(cli.err()).isZero();

    List<String> lines = cli.out().lines().toList();
    assertThat(lines.subList(1, 15))
        .containsExactly(
            "",
            "start-up:             1m",
            "start-up jitter:      ± 20s",
            "capacity per replica: 10 req/s",
            "SLO (queue wait):     250ms",
            "request timeout:      30s",
            "scrape interval:      15s",
            "initial replicas:     2",
            "max replicas:         200",
            "rate scale:           1",
            "seed:                 7",
            "policies:             hpa, oracle",
            "hpa target:           0.7 of capacity, 7 req/s per replica",
            "");
    assertThat(lines.get(15)).startsWith("| policy ");
  }

  @Test
  void namesTheSpecOfOursAndLeavesOutAJitterOfZero() throws IOException {
    assertThat(cli.run(simulate("--policies", "ours"))).as(cli.err()).isZero();

    assertThat(cli.out())
        .doesNotContain("start-up jitter")
        .contains(
            "\nspec for ours:        built-in default: queue target 7 per replica; prediction"
                + " with leadTime auto, capacityPerReplica auto\n\n| policy ");
  }

  @Test
  void eachBaselinesTargetIsAKnobShownInTheSettings() throws IOException {
    assertThat(cli.run(simulate("--policies", "hpa,keda,knative", "--hpa-target", "0.35")))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .contains(
            "\nhpa target:           0.35 of capacity, 3.5 req/s per replica\n"
                + "keda threshold:       0.7 of capacity, 7 req/s per replica\n"
                + "knative target:       0.7 of capacity, 7 req/s per replica\n\n| policy ");
    double lowTarget = replicaSeconds(cli.tableRows().get(0));

    assertThat(cli.run(simulate("--policies", "hpa", "--hpa-target", "0.9"))).isZero();

    // a lower target per replica asks for more replicas
    assertThat(lowTarget).isGreaterThan(1.5 * replicaSeconds(cli.tableRows().get(0)));
  }

  @Test
  void oursBuiltInSpecIsTunedByItsTwoKnobs() throws IOException {
    String[] args =
        simulate("--policies", "ours", "--ours-utilization", "0.5", "--ours-confidence", "0.97");
    assertThat(cli.run(args)).as(cli.err()).isZero();

    assertThat(cli.out())
        .contains(
            "\nspec for ours:        built-in, tuned: utilization 0.5 (queue target 5 per"
                + " replica), confidence 0.97\n");
  }

  /** The replica-seconds cell of a row of the results table. */
  static double replicaSeconds(String row) {
    return Double.parseDouble(row.split("\\|")[8].strip().replace(",", ""));
  }

  @Test
  void aRelativeReportPathIsPrintedAbsolute() throws IOException {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("r.html"));
    assertThat(relative.isAbsolute()).isFalse();

    assertThat(cli.run(simulate("--policies", "hpa", "--report", relative.toString()))).isZero();

    assertThat(cli.out()).endsWith("\nreport: " + dir.resolve("r.html") + "\n");
    assertThat(dir.resolve("r.html")).exists();
  }

  @Test
  void startNamesTheTimesOfTheTrace() throws IOException {
    String[] args = simulate("--start", "1995-07-01T00:00:01-04:00", "--policies", "hpa");
    assertThat(cli.run(args)).as(cli.err()).isZero();

    assertThat(cli.out())
        .startsWith("trace.csv: 2 hours of arrivals from 1995-07-01T04:00:01Z, 612,000 requests");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("2 hours from 1995-07-01T04:00:01Z, 612,000 requests.")
        .contains("time counted from 1995-07-01T04:00:01Z.");
  }

  @Test
  void aTraceStartingLaterIsNamedOnItsOwnClockOrFromStart() throws IOException {
    Path late =
        Files.writeString(
            dir.resolve("late.csv"), "t_seconds,requests\n3600,600\n3660,600\n3720,600\n");
    String[] args = {
      "simulate", "--trace", late.toString(), "--policies", "hpa", "--report", dir + "/r.html"
    };

    assertThat(cli.run(args)).as(cli.err()).isZero();
    assertThat(cli.out())
        .startsWith("late.csv: 3 min of arrivals from t = 3,600 s, 1,800 requests");

    String[] withStart = java.util.Arrays.copyOf(args, args.length + 2);
    withStart[args.length] = "--start";
    withStart[args.length + 1] = "2024-03-01T00:00:00Z";
    assertThat(cli.run(withStart)).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("late.csv: 3 min of arrivals from 2024-03-01T01:00:00Z,");
  }

  @Test
  void theBuiltInWorkloadHasNoDateAndStartIsRefusedForIt() {
    assertThat(cli.run("simulate", "--start", "2024-01-01T00:00:00Z")).isEqualTo(2);
    assertThat(cli.err())
        .contains("simulate: --start needs --trace: it says when the trace's t_seconds 0 was");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void kedaScalesOnTheQueueSoItsRowDiffersFromTheHpas() throws IOException {
    assertThat(cli.run(simulate("--policies", "hpa,keda"))).as(cli.err()).isZero();

    List<String> rows = cli.tableRows();
    assertThat(rows.get(0)).startsWith("| hpa ");
    assertThat(rows.get(1)).startsWith("| keda ");
    assertThat(rows.get(0).substring(rows.get(0).indexOf('|', 1)))
        .isNotEqualTo(rows.get(1).substring(rows.get(1).indexOf('|', 1)));
  }

  @Test
  void comparesOnlyThePoliciesAskedForWithTheSpecGiven() throws IOException {
    Path spec = Files.writeString(dir.resolve("api.yaml"), CliRunner.SPEC_YAML.formatted(10));

    int code = cli.run(simulate("--policies", "ours,oracle", "--spec", spec.toString()));

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.tableRows()).hasSize(2);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(HtmlReportTest.chartTitles(html))
        .startsWith(HtmlReportTest.OVERVIEW.toArray(String[]::new));
    assertThat(html).contains("<th>spec for ours</th><td>api.yaml</td>");
    assertThat(html).contains("<th>max replicas</th><td>40</td>");
  }

  @Test
  void theSameSeedGivesTheSameOutput() throws IOException {
    String[] args = simulate("--startup-jitter", "20s", "--seed", "7");
    assertThat(cli.run(args)).isZero();
    String firstOut = cli.out();
    String firstReport = Files.readString(dir.resolve("report.html"));

    assertThat(cli.run(args)).isZero();

    assertThat(cli.out()).isEqualTo(firstOut);
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(firstReport);
  }

  @Test
  void warnsWhenTheTrafficNeedsMoreThanTheMaximum() throws IOException {
    assertThat(cli.run(simulate("--max-replicas", "5", "--policies", "hpa"))).isZero();

    assertThat(cli.err())
        .contains(
            "simulate: warning: the busiest minute (150 req/s) needs 15 replicas of 10 req/s, more"
                + " than --max-replicas 5; every policy will queue.");
  }

  @Test
  void withNoArgumentsItRunsTheBuiltInWorkloadWithEveryPolicyIntoTheCurrentDirectory() {
    SimulateCommand command = new SimulateCommand();
    new CommandLine(command).parseArgs();

    assertThat(command.traffic.trace).isNull();
    assertThat(command.traffic.workload).isNull();
    assertThat(BuiltInWorkloads.names()).contains(SimulateCommand.DEFAULT_WORKLOAD);
    assertThat(command.report).isEqualTo(Path.of("simulation-report.html"));
    assertThat(command.options.policies).isEqualTo(PolicyCatalog.NAMES);
    assertThat(command.options.capacity).isNull();
  }

  @Test
  void helpFitsEightyColumnsWithoutBreakingANameOrExample() {
    assertThat(cli.run("simulate", "--help")).isZero();

    assertThat(cli.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    // a break inside a name or example would leave a space in it here
    String flat = cli.out().replaceAll("\\s+", " ");
    assertThat(flat)
        .startsWith("Usage: scaledapi-operator simulate [OPTIONS] ")
        .contains(
            "t_seconds,requests",
            "1995-07-01T04:00:01Z",
            "prediction.capacityPerReplica",
            "--policies=NAMES ",
            "Default: simulation-report.html in the current directory.",
            "DURATION: a number and a unit");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--policies ours,vpa | --policies: unknown policy 'vpa'; choose from ours, hpa, keda,"
            + " knative, oracle",
        "--slo fast | Invalid value for option '--slo': 'fast' is not a duration; write a number"
            + " and a unit, e.g. 250ms",
        "--capacity 0 | --capacity must be a positive number of requests per second, e.g. 50",
        "--capacity lots | Invalid value for option '--capacity': 'lots' is not a",
        "--startup 60s --startup-jitter 90s | --startup-jitter 1m30s is longer than --startup 1m",
        "--scrape 500ms | --scrape must be at least 1s",
        "--slo 0 | --slo must be longer than 0",
        "--rate-scale -2 | --rate-scale must be a positive number, e.g. 0.5 or 40; got -2",
        "--rate-scale-mode resample | --rate-scale-mode must be poisson or multiply; got resample",
        "--max-replicas 0 | --max-replicas must be at least 1; got 0",
        "--workload daily-spikes | give either --trace FILE.csv or --workload NAME, not both",
        "--spec nowhere.yaml | --spec: no such file: nowhere.yaml",
        "--report no/such/dir/r.html | --report no/such/dir/r.html: the directory",
        "--frobnicate | Unknown option: '--frobnicate'",
        "--hpa-target 0 | --hpa-target must be a share of a replica's capacity, above 0 and at"
            + " most 1, e.g. 0.7; got 0",
        "--keda-target 1.5 | --keda-target must be a share of a replica's capacity, above 0 and"
            + " at most 1, e.g. 0.7; got 1.5",
        "--knative-target -0.2 | --knative-target must be a share of a replica's capacity",
        "--ours-utilization 2 | --ours-utilization must be a share of a replica's capacity",
        "--ours-confidence 0.5 | --ours-confidence must be a quantile above 0.5 and at most"
            + " 0.999, e.g. 0.9; got 0.5",
        "--ours-utilization 0.6 --spec nowhere.yaml | --ours-utilization tunes ours' built-in"
            + " spec, and --spec replaces that spec: give one or the other",
        "--ours-confidence 0.8 --spec nowhere.yaml | --ours-confidence tunes ours' built-in spec",
        "--start yesterday | Invalid value for option '--start': 'yesterday' is not an instant;"
            + " write an ISO-8601 date and time with its offset, e.g. 1995-07-01T04:00:01Z",
        "--start 1995-07-01T04:00:01 | Invalid value for option '--start': '1995-07-01T04:00:01' is"
            + " not an instant",
        "--metrics-outage 2h | Invalid value for option '--metrics-outage' (FROM+DURATION): '2h'"
            + " is not FROM+DURATION; give when Prometheus goes down (counted from the run's"
            + " start) + for how long, in whole seconds, e.g. 2h+10m or 0+90s",
        "--metrics-outage 1h+0 | Invalid value for option '--metrics-outage' (FROM+DURATION):"
            + " '1h+0': DURATION must be at least 1s;",
        "--metrics-outage soon+10m | option '--metrics-outage' (FROM+DURATION): 'soon+10m':"
            + " FROM 'soon' is not a duration;",
        "--metrics-outage 1h+1.5s | (FROM+DURATION): '1h+1.5s': DURATION '1.5s' is not a"
            + " duration;",
        "--metrics-outage 1h+1500ms | (FROM+DURATION): '1h+1500ms': DURATION '1500ms' is not a"
            + " whole number of seconds;",
        "--metrics-outage 3h+10m | --metrics-outage 3h+10m starts after the run, which lasts 2h;"
            + " give a FROM within it, e.g. 1h+10m",
        "--metrics-outage 1h+10m --metrics-outage 1h5m+10m | --metrics-outage 1h+10m and 1h5m+10m"
            + " overlap or touch; give one outage covering both, e.g. 1h+15m",
      })
  void badOptionsAreRefusedNamingTheOptionAndTheFix(String options, String message)
      throws IOException {
    String[] args = simulate(options.strip().split(" "));

    assertThat(cli.run(args)).isEqualTo(2);
    assertThat(cli.err()).contains(message.strip());
    assertThat(cli.out()).isEmpty();
    // the report of an earlier run would be left alone; none was written
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void unknownWorkloadsAndUnreadableTracesAreNamed() throws IOException {
    assertThat(cli.run("simulate", "--workload", "nope")).isEqualTo(2);
    assertThat(cli.err())
        .contains("--workload: no built-in workload named 'nope'; choose from ")
        .contains(SimulateCommand.DEFAULT_WORKLOAD)
        .contains("or give --trace FILE.csv");

    Path bad = Files.writeString(dir.resolve("bad.csv"), "t_seconds,requests\n0,1\n60,x\n");
    assertThat(cli.run("simulate", "--trace", bad.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("line 3: requests must be a number, got 'x'");

    assertThat(cli.run("simulate", "--trace", dir.resolve("none.csv").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("simulate: --trace: no such file: ");
  }
}
