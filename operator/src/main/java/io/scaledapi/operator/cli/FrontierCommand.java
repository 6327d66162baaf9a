package io.scaledapi.operator.cli;

import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.report.FrontierReport;
import io.scaledapi.operator.report.FrontierTables;
import io.scaledapi.operator.report.Frontiers;
import io.scaledapi.operator.sim.ClusterSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sweeps each policy's knob over a grid on the same traffic and cluster, and prints what each
 * policy costs for how often it misses the SLO: its Pareto frontier, each baseline against ours at
 * equal cost, and ours with prediction on against off. Writes the frontiers as an HTML report.
 */
@Command(
    name = "frontier",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    footerHeading = "%n",
    footer = {
      "DURATION: a number and a unit, or several: 250ms, 15s, 1m30s, 7d.",
      "As for simulate, --capacity defaults to 50. --spec is refused: ours runs its built-in"
          + " spec, swept over --grid and --confidences.",
    },
    description = {
      "For your traffic and your SLO, what does each autoscaler cost? Replay the traffic under"
          + " each policy with its knob at every value of a grid (ours also with prediction off,"
          + " as ours-reactive), in parallel; print each policy's frontier of replica-seconds"
          + " against the share of requests that waited longer than the SLO, read each baseline"
          + " against ours at equal cost, and write an HTML report.",
      "With no options: the built-in workload '"
          + TrafficOptions.DEFAULT_WORKLOAD
          + "', every policy, "
          + FrontierCommand.DEFAULT_GRID_SIZE
          + " shares of capacity, "
          + FrontierCommand.DEFAULT_RUNS
          + " runs."
    })
public final class FrontierCommand implements Callable<Integer> {

  static final String DEFAULT_GRID = "0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0";
  static final String DEFAULT_CONFIDENCES = "0.75,0.9,0.97";
  static final int DEFAULT_GRID_SIZE = 8;
  // ours 8 x 3, ours-reactive 8, hpa, keda and knative 8 each, the oracle once
  static final int DEFAULT_RUNS = 8 * 3 + 8 + 3 * 8 + 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TrafficOptions traffic;

  @Mixin ClusterOptions options;

  @Option(
      names = "--grid",
      paramLabel = "SHARES",
      split = ",",
      hideParamSyntax = true,
      defaultValue = DEFAULT_GRID,
      description =
          "The shares of a replica's capacity to sweep each policy's target over, comma-separated,"
              + " each above 0 and at most 1; the default 0.7 is always added."
              + " Default: ${DEFAULT-VALUE}.")
  List<Double> grid;

  @Option(
      names = "--confidences",
      paramLabel = "QS",
      split = ",",
      hideParamSyntax = true,
      defaultValue = DEFAULT_CONFIDENCES,
      description =
          "The forecast quantiles to sweep ours over at each share, comma-separated, each above"
              + " 0.5 and at most 0.999; ours' default 0.9 is always run at 0.7."
              + " Default: ${DEFAULT-VALUE}.")
  List<Double> confidences;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Runs at once; each holds the traffic in memory. Default: the available processors.")
  Integer threads;

  @Option(
      names = "--report",
      defaultValue = "frontier-report.html",
      paramLabel = "FILE.html",
      description =
          "Where to write the HTML report. Default: ${DEFAULT-VALUE} in the current directory.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<String> policies = options.check();
      if (options.specFile != null) {
        throw new IllegalArgumentException(
            "--spec: frontier sweeps ours' built-in spec over --grid and --confidences; leave"
                + " --spec out, and give --capacity and --max-replicas if the spec set them");
      }
      List<Double> shares = checked("--grid", grid, 0, 1, "0.5,0.7,0.9");
      List<Double> levels = checked("--confidences", confidences, 0.5, 0.999, "0.75,0.9,0.97");
      int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (workers < 1) {
        throw new IllegalArgumentException("--threads must be at least 1; got " + workers);
      }
      ComparisonRun.checkReportPath(report);
      double capacity =
          options
              .capacity(Optional.empty(), OptionalDouble.of(SimulateCommand.DEFAULT_CAPACITY))
              .getAsDouble();
      TrafficOptions.Traffic replayed = traffic.read(options);
      ClusterSpec cluster = options.cluster(replayed.workload(), capacity, Optional.empty());
      List<FrontierSweep.Run> runs = FrontierSweep.plan(policies, shares, levels);
      Map<String, String> settings = settings(cluster, policies, runs, shares, levels);
      ComparisonRun.warnIfTooFewReplicas("frontier", replayed.workload(), cluster, err);
      FrontierRunner runner =
          new FrontierRunner(replayed.workload(), cluster, workers, err, System::nanoTime);
      Frontiers frontiers = FrontierSweep.curves(runs, runner.run(runs));
      out.println(ComparisonRun.trafficLine(replayed.workload(), replayed.from()));
      out.println();
      out.print(ComparisonRun.settingLines(settings));
      out.println();
      out.print(FrontierTables.render(frontiers));
      out.flush();
      Map<String, String> all = new LinkedHashMap<>();
      all.put("workload", replayed.workload().name());
      all.putAll(settings);
      String html =
          new FrontierReport(
                  "frontier: " + replayed.workload().name(),
                  ComparisonRun.trafficLine(replayed.workload(), replayed.from()),
                  all,
                  frontiers)
              .render();
      if (!ComparisonRun.writeReport("frontier", report, html, out, err)) {
        return 1;
      }
      err.printf(
          Locale.ROOT,
          "frontier: done: %d runs on %d threads in %s%n",
          runs.size(),
          workers,
          FrontierRunner.seconds(runner.elapsedNanos()));
      err.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("frontier: " + e.getMessage());
    } catch (FrontierRunner.RunFailed e) {
      err.println("frontier: " + e.getMessage());
      err.flush();
      return 1;
    }
    err.flush();
    return 2;
  }

  /**
   * {@code values} of {@code option}, each above {@code low} and at most {@code high}, each once.
   *
   * @throws IllegalArgumentException naming the option, the value and an example
   */
  static List<Double> checked(
      String option, List<Double> values, double low, double high, String example) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(option + " is empty; give values such as " + example);
    }
    LinkedHashSet<Double> seen = new LinkedHashSet<>();
    for (double v : values) {
      if (!(v > low && v <= high)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: %s is not above %s and at most %s; give values such as %s",
                option,
                Comparison.number(v),
                Comparison.number(low),
                Comparison.number(high),
                example));
      }
      if (!seen.add(v)) {
        throw new IllegalArgumentException(
            option + " names " + Comparison.number(v) + " twice; name it once");
      }
    }
    return new ArrayList<>(seen);
  }

  private Map<String, String> settings(
      ClusterSpec cluster,
      List<String> policies,
      List<FrontierSweep.Run> runs,
      List<Double> shares,
      List<Double> levels) {
    Map<String, String> settings = options.settings(cluster, policies);
    settings.remove("spec for ours");
    settings.put(
        "policies",
        runs.stream().map(FrontierSweep.Run::policy).distinct().collect(Collectors.joining(", ")));
    List<Double> swept = new ArrayList<>(shares);
    if (!swept.contains(FrontierSweep.DEFAULT_SHARE)) {
      swept.add(FrontierSweep.DEFAULT_SHARE);
    }
    settings.put("grid (share of capacity)", numbers(swept));
    if (policies.contains(PolicyCatalog.OURS)) {
      settings.put("ours' confidences", numbers(levels));
    }
    settings.put("runs", Integer.toString(runs.size()));
    return settings;
  }

  private static String numbers(List<Double> values) {
    return values.stream().sorted().map(Comparison::number).collect(Collectors.joining(", "));
  }
}
