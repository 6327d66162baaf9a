package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.sim.BuiltInWorkloads;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
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
    description = {
      "Replay traffic through a modelled cluster under the operator and under the HPA, KEDA,"
          + " Knative and a perfect-foresight oracle; print the comparison and write an HTML"
          + " report.",
      "With no options: the built-in workload '"
          + SimulateCommand.DEFAULT_WORKLOAD
          + "', every policy."
    })
public final class SimulateCommand implements Callable<Integer> {

  static final String DEFAULT_WORKLOAD = BuiltInWorkloads.DEFAULT;
  static final double DEFAULT_CAPACITY = 50;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      description = "Requests per bin: CSV with header t_seconds,requests, any bin width.")
  Path trace;

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      description =
          "A built-in seeded workload instead of a trace. Default: " + DEFAULT_WORKLOAD + ".")
  String workload;

  @Mixin ClusterOptions options;

  @Option(
      names = "--report",
      defaultValue = "simulation-report.html",
      paramLabel = "FILE.html",
      description = "Where to write the HTML report. Default: ${DEFAULT-VALUE}.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<String> policies = options.check();
      ComparisonRun.checkReportPath(report);
      Optional<ScaledApiSpec> api = options.spec();
      double capacity = options.capacity(api, OptionalDouble.of(DEFAULT_CAPACITY)).getAsDouble();
      Workload load = workload();
      ClusterSpec cluster = options.cluster(load, capacity, api);
      Map<String, String> settings = options.settings(cluster, policies);
      return ComparisonRun.execute(
          new ComparisonRun.Request("simulate", load, cluster, policies, api, settings, report),
          out,
          err,
          System::nanoTime);
    } catch (NoSuchFileException e) {
      err.println("simulate: --trace: no such file: " + e.getFile());
    } catch (IOException e) {
      err.println("simulate: --trace: cannot read " + trace + ": " + e);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
    }
    err.flush();
    return 2;
  }

  private Workload workload() throws IOException {
    if (trace != null && workload != null) {
      throw new IllegalArgumentException(
          "give either --trace FILE.csv or --workload NAME, not both");
    }
    if (trace != null) {
      String name = trace.getFileName() + rateSuffix();
      return Arrivals.fromTrace(name, TraceCsv.read(trace), options.rateScale);
    }
    String name = workload == null ? DEFAULT_WORKLOAD : workload;
    List<String> names = List.copyOf(BuiltInWorkloads.names());
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          "--workload: no built-in workload named '"
              + name
              + "'; choose from "
              + String.join(", ", names)
              + ", or give --trace FILE.csv");
    }
    return BuiltInWorkloads.named(name, options.seed, options.rateScale);
  }

  private String rateSuffix() {
    return options.rateScale == 1 ? "" : " x" + Comparison.number(options.rateScale);
  }
}
