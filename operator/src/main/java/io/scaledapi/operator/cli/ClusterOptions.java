package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.MetricsOutage;
import io.scaledapi.operator.sim.OursPolicy;
import io.scaledapi.operator.sim.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The modelled cluster and the policies to compare: options {@code simulate}, {@code backtest} and
 * {@code frontier} share.
 */
final class ClusterOptions {

  static final int DEFAULT_MAX_REPLICAS = 200;

  @Option(
      names = "--startup",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Time from a replica being requested to it serving. Default: ${DEFAULT-VALUE}.")
  Duration startup;

  @Option(
      names = "--startup-jitter",
      paramLabel = "DURATION",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "Each start-up is drawn uniformly from startup ± this, at most --startup."
              + " Default: ${DEFAULT-VALUE}.")
  Duration startupJitter;

  @Option(
      names = "--capacity",
      paramLabel = "REQ_PER_S",
      description =
          "Requests per second one ready replica serves. Default:"
              + " prediction.capacityPerReplica of --spec when a number, else 50 for simulate;"
              + " backtest requires one of the two.")
  Double capacity;

  @Option(
      names = "--slo",
      paramLabel = "DURATION",
      defaultValue = "250ms",
      converter = DurationConverter.class,
      description = "SLO: the longest queue wait a request should have. Default: ${DEFAULT-VALUE}.")
  Duration slo;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "Drop a request still waiting after this long; 0 never drops. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--scrape",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description = "Prometheus's scrape interval. Default: ${DEFAULT-VALUE}.")
  Duration scrape;

  @Option(
      names = "--metrics-outage",
      paramLabel = "FROM+DURATION",
      converter = MetricsOutageConverter.class,
      description =
          "Take the modelled Prometheus down for DURATION from FROM after the run's start, e.g."
              + " 2h+10m (whole seconds): it neither scrapes nor answers, so every query fails."
              + " Ours counts the failed polls and applies its spec's fallback; the HPA and KEDA"
              + " hold their replicas; Knative (fed by its queue-proxies) and the oracle do not"
              + " read Prometheus. Repeat for several outages. Default: none.")
  List<MetricsOutage> metricsOutages = new ArrayList<>();

  @Option(
      names = "--max-replicas",
      paramLabel = "N",
      description =
          "The most replicas any policy may run. Default: the spec's maxReplicas, else "
              + ClusterOptions.DEFAULT_MAX_REPLICAS
              + ".")
  Integer maxReplicas;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of every random draw. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--rate-scale",
      defaultValue = "1",
      paramLabel = "X",
      description =
          "Scale the arrival rate by X, as --rate-scale-mode says for a --trace; a built-in"
              + " workload's rate and backtest's rate series are multiplied."
              + " Default: ${DEFAULT-VALUE}.")
  double rateScale;

  @Option(
      names = "--rate-scale-mode",
      paramLabel = "MODE",
      defaultValue = "poisson",
      description =
          "How --rate-scale scales a --trace: poisson draws each second's arrivals from a Poisson"
              + " process at X times the trace's rate, seeded by --seed, so that scaling does not"
              + " scale the recording's chance bursts with it; multiply multiplies each second's"
              + " count by X. With X = 1 the trace is replayed as recorded, without resampling."
              + " Default: ${DEFAULT-VALUE}.")
  String rateScaleMode;

  @Option(
      names = "--policies",
      paramLabel = "NAMES",
      split = ",",
      hideParamSyntax = true,
      defaultValue = "ours,hpa,keda,knative,oracle",
      description = "Policies to compare, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<String> policies;

  @Option(
      names = "--spec",
      paramLabel = "SCALEDAPI.yaml",
      description =
          "The ScaledApi manifest 'ours' runs with; backtest requires it. Default for simulate:"
              + " a built-in spec with prediction on, leadTime and capacityPerReplica auto.")
  Path specFile;

  /**
   * Checks every option, before anything slow is done; returns the policies to compare.
   *
   * @throws IllegalArgumentException naming the option and the fix
   */
  List<String> check() {
    if (!(rateScale > 0) || Double.isInfinite(rateScale)) {
      throw new IllegalArgumentException(
          "--rate-scale must be a positive number, e.g. 0.5 or 40; got " + rateScale);
    }
    Arrivals.ScaleMode.parse(rateScaleMode);
    if (startupJitter.compareTo(startup) > 0) {
      throw new IllegalArgumentException(
          "--startup-jitter "
              + Comparison.duration(startupJitter)
              + " is longer than --startup "
              + Comparison.duration(startup)
              + "; give at most the start-up");
    }
    if (slo.isZero()) {
      throw new IllegalArgumentException("--slo must be longer than 0, e.g. 250ms");
    }
    if (scrape.toMillis() < 1000) {
      throw new IllegalArgumentException("--scrape must be at least 1s, e.g. 15s");
    }
    if (maxReplicas != null && maxReplicas < 1) {
      throw new IllegalArgumentException("--max-replicas must be at least 1; got " + maxReplicas);
    }
    checkOutagesApart();
    return PolicyCatalog.parse(policies);
  }

  /** Two {@code --metrics-outage}s that overlap or touch are refused: give one covering both. */
  private void checkOutagesApart() {
    MetricsOutage.overlapping(metricsOutages)
        .ifPresent(
            pair -> {
              MetricsOutage before = pair.get(0);
              MetricsOutage after = pair.get(1);
              throw new IllegalArgumentException(
                  "--metrics-outage "
                      + before.label()
                      + " and "
                      + after.label()
                      + " overlap or touch; give one outage covering both, e.g. "
                      + before.joinedWith(after).label());
            });
  }

  /**
   * The workload of a trace read from {@code fileName}, scaled by {@code --rate-scale} as {@code
   * --rate-scale-mode} says, with options {@link #check() checked}; named after the file and, when
   * scaled, the scale and the mode: "nasa-1995-07.csv x100 (Poisson)".
   */
  Workload traceWorkload(String fileName, Trace trace, Instant zero) {
    return Arrivals.fromTrace(
        fileName + rateLabel(),
        trace,
        zero,
        rateScale,
        Arrivals.ScaleMode.parse(rateScaleMode),
        seed);
  }

  /**
   * How a trace's name says its scaling: empty at {@code --rate-scale 1}, else the factor and the
   * mode, " x100 (Poisson)", " x100 (multiplied)".
   */
  String rateLabel() {
    if (rateScale == 1) {
      return "";
    }
    return " x"
        + Comparison.number(rateScale)
        + " ("
        + Arrivals.ScaleMode.parse(rateScaleMode).label()
        + ")";
  }

  /** The spec of {@code --spec}, read and validated; empty without it. */
  Optional<ScaledApiSpec> spec() {
    return specFile == null ? Optional.empty() : Optional.of(SpecFile.read(specFile));
  }

  /** {@code --capacity}, else the spec's number, else {@code fallback}. */
  OptionalDouble capacity(Optional<ScaledApiSpec> spec, OptionalDouble fallback) {
    if (capacity != null) {
      if (!(capacity > 0) || Double.isInfinite(capacity)) {
        throw new IllegalArgumentException(
            "--capacity must be a positive number of requests per second, e.g. 50; got "
                + capacity);
      }
      return OptionalDouble.of(capacity);
    }
    OptionalDouble fromSpec = spec.map(SpecFile::capacity).orElse(OptionalDouble.empty());
    return fromSpec.isPresent() ? fromSpec : fallback;
  }

  /**
   * The cluster for {@code workload}, with options {@link #check() checked}: it starts with the
   * replicas the workload's first minute needs, so that no policy pays for a cold start the others
   * would pay too.
   */
  ClusterSpec cluster(Workload workload, double capacityPerReplica, Optional<ScaledApiSpec> spec) {
    int max =
        maxReplicas != null
            ? maxReplicas
            : spec.map(ScaledApiSpec::maxReplicas).orElse(DEFAULT_MAX_REPLICAS);
    int initial = initialReplicas(workload, capacityPerReplica, max);
    for (MetricsOutage outage : metricsOutages) {
      if (outage.startSecond() >= workload.seconds()) {
        throw new IllegalArgumentException(
            "--metrics-outage "
                + outage.label()
                + " starts after the run, which lasts "
                + MetricsOutage.span(workload.seconds())
                + "; give a FROM within it, e.g. "
                + new MetricsOutage(Duration.ofSeconds(workload.seconds() / 2), outage.duration())
                    .label());
      }
    }
    return new ClusterSpec(
        startup,
        startupJitter,
        capacityPerReplica,
        initial,
        max,
        timeout.isZero() ? Optional.empty() : Optional.of(timeout),
        slo,
        scrape,
        seed,
        metricsOutages);
  }

  /** The run's settings for stdout and the report, in reading order. */
  Map<String, String> settings(ClusterSpec cluster, List<String> chosen) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("start-up", Comparison.duration(startup));
    if (!startupJitter.isZero()) {
      settings.put("start-up jitter", "± " + Comparison.duration(startupJitter));
    }
    settings.put(
        "capacity per replica",
        String.format(Locale.ROOT, "%s req/s", Comparison.number(cluster.capacityPerReplica())));
    settings.put("SLO (queue wait)", Comparison.duration(slo));
    settings.put(
        "request timeout", cluster.requestTimeout().map(Comparison::duration).orElse("none"));
    settings.put("scrape interval", Comparison.duration(scrape));
    if (!cluster.metricsOutages().isEmpty()) {
      settings.put(
          "Prometheus down (from+for)",
          cluster.metricsOutages().stream()
              .map(MetricsOutage::label)
              .collect(Collectors.joining(", ")));
    }
    settings.put("initial replicas", Integer.toString(cluster.initialReplicas()));
    settings.put("max replicas", Integer.toString(cluster.maxReplicas()));
    settings.put("rate scale", Comparison.number(rateScale));
    settings.put("seed", Long.toString(seed));
    settings.put("policies", String.join(", ", chosen));
    if (chosen.contains(PolicyCatalog.OURS)) {
      settings.put(
          "spec for ours",
          specFile == null ? defaultSpecSummary(cluster) : specFile.getFileName().toString());
    }
    return settings;
  }

  /** What {@code ours} runs with when there is no {@code --spec}, read from that spec. */
  static String defaultSpecSummary(ClusterSpec cluster) {
    ScaledApiSpec api = OursPolicy.defaultSpec(cluster);
    PredictionSpec prediction = api.prediction();
    IntOrString capacity = prediction.capacityPerReplica();
    return String.format(
        Locale.ROOT,
        "built-in default: queue target %s per replica; prediction with leadTime %s,"
            + " capacityPerReplica %s",
        Comparison.number(api.queue().targetPerReplica()),
        prediction.leadTime(),
        capacity.getIntVal() != null ? capacity.getIntVal() : capacity.getStrVal());
  }

  private static int initialReplicas(Workload workload, double capacityPerReplica, int max) {
    double needed = Math.ceil(Arrivals.firstMinuteRate(workload) / capacityPerReplica);
    return (int) Math.max(1, Math.min(max, needed));
  }
}
