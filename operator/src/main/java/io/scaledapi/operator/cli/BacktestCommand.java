package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.prometheus.HistoryLoader;
import io.scaledapi.operator.prometheus.HistoryLoader.History;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.Workload;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
 * Replays the arrival rate Prometheus recorded through the modelled cluster: the same comparison as
 * {@code simulate}, on your own traffic and with your own ScaledApi.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    footerHeading = "%n",
    footer = {
      "DURATION: a number and a unit, or several: 250ms, 15s, 1m30s, 7d.",
    },
    description = {
      "Pull the arrival rate of the last --last from Prometheus with range queries and replay it"
          + " through a modelled cluster under the operator, with the ScaledApi of --spec, and"
          + " under the HPA, KEDA, Knative and a perfect-foresight oracle; print the comparison"
          + " and write an HTML report.",
      "--spec is required. Its arrivalRate.query, prometheus.address, maxReplicas and a numeric"
          + " prediction.capacityPerReplica are the defaults of --query, --prometheus,"
          + " --max-replicas and --capacity."
    })
public final class BacktestCommand implements Callable<Integer> {

  static final Duration MAX_LAST = Duration.ofDays(90);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Prometheus's base URL, e.g. http://localhost:9090; overrides the spec's"
              + " prometheus.address. Queries carry no credentials: the spec's prometheus.auth"
              + " and tls are not used.")
  URI prometheus;

  @Option(
      names = "--query",
      paramLabel = "PROMQL_RATE",
      description =
          "PromQL for requests per second as one series; overrides the spec's"
              + " arrivalRate.query. Example: sum(rate(api_requests_arrived_total[1m]))")
  String query;

  @Option(
      names = "--last",
      paramLabel = "DURATION",
      defaultValue = "7d",
      converter = DurationConverter.class,
      description = "How much history to replay, up to now. Default: ${DEFAULT-VALUE}.")
  Duration last;

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description = "Range-query step; each value is held for one step. Default: ${DEFAULT-VALUE}.")
  Duration step;

  @Option(
      names = "--query-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Limit for each range query. Default: ${DEFAULT-VALUE}.")
  Duration queryTimeout;

  @Mixin ClusterOptions options;

  @Option(
      names = "--report",
      defaultValue = "backtest-report.html",
      paramLabel = "FILE.html",
      description =
          "Where to write the HTML report. Default: ${DEFAULT-VALUE} in the current directory.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Source source = source();
      Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Instant from = to.minus(last);
      History history = new HistoryLoader().load(source.client(), source.query(), from, to, step);
      String where = " at " + source.client().endpoint().address();
      if (history.failure().isPresent()) {
        err.println("backtest: " + history.failure().get() + where);
      } else if (history.points().isEmpty()) {
        err.println(
            "backtest: --query returned no data from "
                + from
                + " to "
                + to
                + where
                + "; check it in Prometheus's graph view: "
                + source.query());
      } else {
        return replay(source, history, from + " to " + to, out, err);
      }
      err.flush();
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("backtest: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private int replay(
      Source source, History history, String range, PrintWriter out, PrintWriter err) {
    Workload workload =
        Arrivals.fromRates(
            "Prometheus: " + source.query(), history.points(), step, options.rateScale);
    ClusterSpec cluster = options.cluster(workload, source.capacity(), Optional.of(source.api()));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("Prometheus", source.client().endpoint().address().toString());
    settings.put("query", source.query());
    settings.put(
        "range",
        range
            + " every "
            + Comparison.duration(step)
            + ", "
            + history.points().size()
            + " points in "
            + history.queries()
            + (history.queries() == 1 ? " range query" : " range queries"));
    settings.putAll(options.settings(cluster, source.policies()));
    return ComparisonRun.execute(
        new ComparisonRun.Request(
            "backtest",
            workload,
            workload.start().toString(),
            cluster,
            source.policies(),
            Optional.of(source.api()),
            settings,
            report),
        out,
        err,
        System::nanoTime);
  }

  /** What the options resolve to, checked before anything is queried. */
  private record Source(
      PrometheusClient client,
      String query,
      ScaledApiSpec api,
      double capacity,
      List<String> policies) {}

  private Source source() {
    List<String> policies = options.check();
    ComparisonRun.checkReportPath(report);
    if (options.specFile == null) {
      throw new IllegalArgumentException(
          "--spec SCALEDAPI.yaml is required: the ScaledApi whose scaling to replay");
    }
    ScaledApiSpec api = options.spec().orElseThrow();
    OptionalDouble capacity = options.capacity(Optional.of(api), OptionalDouble.empty());
    if (capacity.isEmpty()) {
      throw new IllegalArgumentException(
          "--capacity is required: the spec's prediction.capacityPerReplica is not a number;"
              + " give the requests per second one replica serves, e.g. --capacity 50");
    }
    if (step.toMillis() < 1000 || step.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("--step must be whole seconds, at least 1s, e.g. 15s");
    }
    if (last.compareTo(step) <= 0 || last.compareTo(MAX_LAST) > 0) {
      throw new IllegalArgumentException(
          "--last must be longer than --step and at most 90d, e.g. 7d; got "
              + Comparison.duration(last));
    }
    if (queryTimeout.isZero()) {
      throw new IllegalArgumentException("--query-timeout must be longer than 0, e.g. 30s");
    }
    String promql =
        query != null ? query : api.arrivalRate() == null ? null : api.arrivalRate().query();
    if (promql == null || promql.isBlank()) {
      throw new IllegalArgumentException(
          "--query is required: the spec has no arrivalRate.query; give requests per second as"
              + " one series, e.g. --query 'sum(rate(api_requests_arrived_total[1m]))'");
    }
    return new Source(
        new PrometheusClient(endpoint(api)), promql, api, capacity.getAsDouble(), policies);
  }

  private PrometheusEndpoint endpoint(ScaledApiSpec api) {
    URI address = prometheus;
    if (address == null && api.prometheus() != null && api.prometheus().address() != null) {
      address = URI.create(api.prometheus().address());
    }
    if (address == null) {
      throw new IllegalArgumentException(
          "--prometheus is required: the spec names no prometheus.address; give it, e.g."
              + " --prometheus http://localhost:9090");
    }
    try {
      return PrometheusEndpoint.of(address, queryTimeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--prometheus " + address + ": " + e.getMessage());
    }
  }
}
