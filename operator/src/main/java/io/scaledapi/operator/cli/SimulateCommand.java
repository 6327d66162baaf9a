package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.sim.BuiltInWorkloads;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

  static final String DEFAULT_WORKLOAD = BuiltInWorkloads.DEFAULT;
  static final double DEFAULT_CAPACITY = 50;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      description =
          "Requests per bin, as a CSV with the header line t_seconds,requests and then one line"
              + " per bin: bins of any width, none left out.")
  Path trace;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "When t_seconds 0 of --trace was, such as 1995-07-01T04:00:01Z; output then names"
              + " times by it, and the policies' clock starts there. Default: none; output"
              + " counts time from t = 0.")
  Instant start;

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
      description =
          "Where to write the HTML report. Default: ${DEFAULT-VALUE} in the current directory.")
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
      Traffic traffic = traffic();
      ClusterSpec cluster = options.cluster(traffic.workload(), capacity, api);
      Map<String, String> settings = options.settings(cluster, policies);
      return ComparisonRun.execute(
          new ComparisonRun.Request(
              "simulate",
              traffic.workload(),
              traffic.from(),
              cluster,
              policies,
              api,
              settings,
              report),
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

  /** The workload to replay and how output names its second 0. */
  private record Traffic(Workload workload, String from) {}

  private Traffic traffic() throws IOException {
    if (trace != null && workload != null) {
      throw new IllegalArgumentException(
          "give either --trace FILE.csv or --workload NAME, not both");
    }
    if (trace != null) {
      Trace read = TraceCsv.read(trace);
      Instant zero = start == null ? Instant.EPOCH : start;
      Workload load = options.traceWorkload(trace.getFileName().toString(), read, zero);
      return new Traffic(load, start == null ? traceTime(read.start()) : load.start().toString());
    }
    if (start != null) {
      throw new IllegalArgumentException(
          "--start needs --trace: it says when the trace's t_seconds 0 was; a built-in workload"
              + " is synthetic and has no date");
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
    return new Traffic(BuiltInWorkloads.named(name, options.seed, options.rateScale), traceTime(0));
  }

  /** A time on a trace's own clock, whose date is not known: {@code t = 0}, {@code t = 600 s}. */
  static String traceTime(long seconds) {
    return seconds == 0 ? "t = 0" : String.format(Locale.ROOT, "t = %,d s", seconds);
  }
}
