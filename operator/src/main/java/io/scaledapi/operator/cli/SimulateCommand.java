package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.sim.ClusterSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Replays a request trace, or a built-in seeded workload, through the modelled cluster under each
 * policy, prints the comparison and writes the HTML report.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    footerHeading = "%n",
    footer = {
      "DURATION: a number and a unit, or several: 250ms, 15s, 1m30s, 7d.",
    },
    description = {
      "Replay traffic through a modelled cluster under the operator and under the HPA, KEDA,"
          + " Knative and a perfect-foresight oracle; print the comparison and write an HTML"
          + " report.",
      "With no options: the built-in workload '"
          + SimulateCommand.DEFAULT_WORKLOAD
          + "', every policy."
    })
public final class SimulateCommand implements Callable<Integer> {

  static final String DEFAULT_WORKLOAD = TrafficOptions.DEFAULT_WORKLOAD;
  static final double DEFAULT_CAPACITY = 50;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TrafficOptions traffic;

  @Mixin ClusterOptions options;

  @Mixin PolicyKnobs knobs;

  @Option(
      names = "--report",
      defaultValue = "simulation-report.html",
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
      PolicyCatalog.Tuning tuning = knobs.tuning(options.specFile != null);
      ComparisonRun.checkReportPath(report);
      Optional<ScaledApiSpec> api = options.spec();
      double capacity = options.capacity(api, OptionalDouble.of(DEFAULT_CAPACITY)).getAsDouble();
      TrafficOptions.Traffic replayed = traffic.read(options);
      ClusterSpec cluster = options.cluster(replayed.workload(), capacity, api);
      Map<String, String> settings = options.settings(cluster, policies);
      PolicyKnobs.describe(settings, tuning, cluster, policies);
      return ComparisonRun.execute(
          new ComparisonRun.Request(
              "simulate",
              replayed.workload(),
              replayed.from(),
              cluster,
              policies,
              api,
              tuning,
              settings,
              report),
          out,
          err,
          System::nanoTime);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
    }
    err.flush();
    return 2;
  }
}
