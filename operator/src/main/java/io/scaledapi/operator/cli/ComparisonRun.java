package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.report.HtmlReport;
import io.scaledapi.operator.report.ProgressPrinter;
import io.scaledapi.operator.report.Prose;
import io.scaledapi.operator.report.ResultsSummary;
import io.scaledapi.operator.report.ResultsTable;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.MetricsOutage;
import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.SimulationResult;
import io.scaledapi.operator.sim.Simulator;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Runs every chosen policy on one workload, prints the comparison and writes the HTML report. */
final class ComparisonRun {

  /**
   * What to run and where to write.
   *
   * @param command the command's name, the prefix of messages
   * @param from how output names the workload's second 0: an instant when it is known, else "t = 0"
   *     on the trace's own clock
   * @param policies catalog names, in the order to run and show them
   * @param spec the ScaledApi spec for {@code ours}; its default when empty
   * @param tuning the knob of each policy
   * @param settings the run's settings for stdout and the report, in reading order
   */
  record Request(
      String command,
      Workload workload,
      String from,
      ClusterSpec cluster,
      List<String> policies,
      Optional<ScaledApiSpec> spec,
      PolicyCatalog.Tuning tuning,
      Map<String, String> settings,
      Path report) {

    /** A request with every policy at its default knob. */
    Request(
        String command,
        Workload workload,
        String from,
        ClusterSpec cluster,
        List<String> policies,
        Optional<ScaledApiSpec> spec,
        Map<String, String> settings,
        Path report) {
      this(
          command,
          workload,
          from,
          cluster,
          policies,
          spec,
          PolicyCatalog.Tuning.defaults(),
          settings,
          report);
    }
  }

  private ComparisonRun() {}

  /**
   * Fails early, before a long run, when the report cannot be written where asked.
   *
   * @throws IllegalArgumentException naming {@code --report} and the fix
   */
  static void checkReportPath(Path report) {
    Path dir = report.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--report " + report + ": the directory " + dir + " does not exist; create it first");
    }
    if (Files.isDirectory(report)) {
      throw new IllegalArgumentException(
          "--report " + report + " is a directory; give a file name such as report.html");
    }
  }

  /** Runs {@code request}; 0 when the table was printed and the report written, 1 otherwise. */
  static int execute(Request request, PrintWriter out, PrintWriter err, LongSupplier nanoTime) {
    Workload workload = request.workload();
    ClusterSpec cluster = request.cluster();
    warnIfTooFewReplicas(request.command(), workload, cluster, err);
    ProgressPrinter progress = new ProgressPrinter(err, request.command(), nanoTime);
    SimulationResult result =
        Simulator.run(
            workload,
            cluster,
            PolicyCatalog.factories(request.policies(), request.spec(), request.tuning()),
            progress);
    Comparison comparison = Comparison.of(result, request.policies());
    out.println(trafficLine(workload, request.from()));
    out.println();
    out.print(settingLines(request.settings()));
    out.println();
    out.print(ResultsTable.render(comparison));
    for (PolicyResult policy : result.results()) {
      policy.note().ifPresent(note -> out.printf(Locale.ROOT, "%n%s: %s%n", policy.policy(), note));
    }
    out.print(outageLines(result.results()));
    out.println();
    out.print(Prose.wrap(ResultsSummary.of(comparison, cluster.slo())));
    out.flush();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("workload", workload.name());
    settings.putAll(request.settings());
    String title = request.command() + ": " + workload.name();
    String html = new HtmlReport(title, request.from(), settings, result, comparison).render();
    if (!writeReport(request.command(), request.report(), html, out, err)) {
      return 1;
    }
    err.printf(Locale.ROOT, "%s: done in %.1f s%n", request.command(), progress.elapsedSeconds());
    err.flush();
    return 0;
  }

  /**
   * Writes {@code html} to {@code path} and names the file on {@code out}; false, having said why
   * on {@code err}, when it cannot be written.
   */
  static boolean writeReport(
      String command, Path path, String html, PrintWriter out, PrintWriter err) {
    Path report = path.toAbsolutePath().normalize();
    try {
      Files.writeString(report, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(command + ": cannot write the report to " + report + ": " + e);
      err.flush();
      return false;
    }
    out.printf(Locale.ROOT, "%nreport: %s%n", report);
    out.flush();
    return true;
  }

  /**
   * Warns on {@code err} when the busiest minute of {@code workload} needs more replicas than the
   * cluster allows, so that every policy will queue.
   */
  static void warnIfTooFewReplicas(
      String command, Workload workload, ClusterSpec cluster, PrintWriter err) {
    double busiest = Arrivals.busiestMinuteRate(workload);
    double needed = Math.ceil(busiest / cluster.capacityPerReplica());
    if (needed > cluster.maxReplicas()) {
      err.printf(
          Locale.ROOT,
          "%s: warning: the busiest minute (%s req/s) needs %.0f replicas of %s req/s, more than"
              + " --max-replicas %d; every policy will queue. Raise --max-replicas or lower"
              + " --rate-scale.%n",
          command,
          Comparison.count(busiest),
          needed,
          Comparison.number(cluster.capacityPerReplica()),
          cluster.maxReplicas());
      err.flush();
    }
  }

  /** What the traffic is: its name, length, start, requests and busiest minute. */
  static String trafficLine(Workload workload, String from) {
    return String.format(
        Locale.ROOT,
        "%s: %s of arrivals from %s, %s requests, busiest minute %s req/s",
        workload.name(),
        Comparison.span(workload.seconds()),
        from,
        Comparison.count(arrived(workload)),
        Comparison.count(Arrivals.busiestMinuteRate(workload)));
  }

  /**
   * For each metrics outage, each policy's replicas when Prometheus went down and when it came
   * back, and the fewest and most in between; empty without outages.
   */
  static String outageLines(List<PolicyResult> results) {
    StringBuilder lines = new StringBuilder();
    int outages = results.stream().mapToInt(r -> r.outages().size()).max().orElse(0);
    int width = results.stream().mapToInt(r -> r.policy().length()).max().orElse(0) + 1;
    for (int i = 0; i < outages; i++) {
      boolean first = true;
      for (PolicyResult policy : results) {
        if (i >= policy.outages().size()) {
          continue;
        }
        PolicyResult.OutageReplicas around = policy.outages().get(i);
        if (first) {
          MetricsOutage outage = around.outage();
          lines.append(
              String.format(
                  Locale.ROOT,
                  "%nPrometheus down from %s to %s (%s): replicas when it went down -> when it"
                      + " came back (fewest-most in between)%n",
                  MetricsOutage.span(outage.startSecond()),
                  MetricsOutage.span(outage.endSecond()),
                  outage.label()));
          first = false;
        }
        lines.append(
            String.format(
                Locale.ROOT,
                "%-" + width + "s %d -> %d (%d-%d)%n",
                policy.policy() + ":",
                around.atStart(),
                around.atEnd(),
                around.lowest(),
                around.highest()));
      }
    }
    return lines.toString();
  }

  /** One line per setting, the values aligned: {@code "SLO (queue wait): 250ms"}. */
  static String settingLines(Map<String, String> settings) {
    int width = settings.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    StringBuilder lines = new StringBuilder();
    settings.forEach(
        (name, value) ->
            lines.append(String.format(Locale.ROOT, "%-" + width + "s %s%n", name + ":", value)));
    return lines.toString();
  }

  private static double arrived(Workload workload) {
    double arrived = 0;
    for (int t = 0; t < workload.seconds(); t++) {
      arrived += workload.at(t);
    }
    return arrived;
  }
}
