package io.scaledapi.operator.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ServedRateSpec;
import io.scaledapi.operator.autoscaler.Autoscaler;
import io.scaledapi.operator.autoscaler.Observation;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.engine.Signals;
import io.scaledapi.operator.spec.ParsedSpec;
import io.scaledapi.operator.spec.ScaledApiSettings;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The operator itself as a policy: the spec parsed by the operator's parser and the operator's
 * {@link Autoscaler} (engine, forecaster and learners), fed what the operator reads from Prometheus
 * every polling interval. The autoscaler starts {@linkplain Autoscaler#blank() blank} with the run:
 * no warm-up from history, and no history of recommendations before its first poll (the simulated
 * Prometheus holds a steady hour before the run, as for every policy).
 *
 * <p>The simulator cannot run PromQL: whatever the spec's queries say, the queue signal is the
 * scraped requests waiting plus those in service (so that a healthy queue of zero waiting still
 * says how busy the replicas are), the capacity learner and the inflow through the queue see the
 * waiting ones alone, the arrival and served rates are the 1-minute rates of the scraped counters.
 * The latency guard is not modelled. While Prometheus is down ({@link MetricsOutage}) every query
 * fails, and the operator's own failure counting and {@code spec.fallback} decide.
 */
public final class OursPolicy implements Policy {
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);
  public static final double TARGET_UTILIZATION = ScaledApiSpec.DEFAULT_TARGET_UTILIZATION;
  static final String SERVED_RATE_QUERY = "sum(rate(api_request_duration_seconds_count[1m]))";

  private final ScaledApiSettings settings;
  private final Autoscaler autoscaler = Autoscaler.blank();

  private OursPolicy(ScaledApiSettings settings) {
    this.settings = settings;
  }

  /**
   * The operator with its {@link #defaultSpec default spec} tuned by its two knobs: the share of a
   * replica's capacity to provision for, and the quantile of the forecast to provision for. The
   * frontier sweeps these.
   *
   * @param utilization in (0, 1]; the default is {@link #TARGET_UTILIZATION}
   * @param confidence in (0.5, 0.999]; the default is {@link PredictionSpec#DEFAULT_CONFIDENCE}
   */
  public static PolicyFactory tuned(double utilization, double confidence) {
    return (workload, cluster) ->
        factory(Optional.of(defaultSpec(cluster, utilization, OptionalDouble.of(confidence))))
            .create(workload, cluster);
  }

  /** As {@link #tuned} with prediction off: the reactive decision alone. */
  public static PolicyFactory reactive(double utilization) {
    return (workload, cluster) -> {
      ScaledApiSpec spec = defaultSpec(cluster, utilization, OptionalDouble.empty());
      return factory(Optional.of(spec)).create(workload, cluster);
    };
  }

  /** The operator with {@code spec}, or with {@link #defaultSpec} when empty. */
  public static PolicyFactory factory(Optional<ScaledApiSpec> spec) {
    return (workload, cluster) -> {
      ParsedSpec parsed = SpecParser.parse(spec.orElseGet(() -> defaultSpec(cluster)));
      if (parsed instanceof ParsedSpec.Invalid invalid) {
        throw new IllegalArgumentException("the ScaledApi spec is invalid: " + invalid.problems());
      }
      return new OursPolicy(((ParsedSpec.Valid) parsed).settings());
    };
  }

  /**
   * The spec the simulator uses when none is given: polling every 15 s; one replica per {@code 0.7
   * × capacityPerReplica} requests waiting or in service (the simulator's requests take a nominal
   * second, so this is the 70% utilization the baselines target too); prediction with lead time and
   * capacity learned ({@code auto}), provisioning for the 0.9 quantile of the forecast; the HPA's
   * default behavior.
   */
  public static ScaledApiSpec defaultSpec(ClusterSpec cluster) {
    return defaultSpec(
        cluster, TARGET_UTILIZATION, OptionalDouble.of(PredictionSpec.DEFAULT_CONFIDENCE));
  }

  /**
   * The {@link #defaultSpec} with the two knobs {@link #tuned} turns; without a confidence,
   * prediction is off.
   */
  static ScaledApiSpec defaultSpec(
      ClusterSpec cluster, double utilization, OptionalDouble confidence) {
    PredictionSpec prediction =
        confidence.isEmpty()
            ? null
            : new PredictionSpec(
                true,
                "auto",
                "7d",
                "24h",
                confidence.getAsDouble(),
                new IntOrString("auto"),
                PredictionMode.ENFORCE);
    return new ScaledApiSpec(
            new ScaleTargetRef("apps/v1", "Deployment", "api"),
            1,
            cluster.maxReplicas(),
            "15s",
            null,
            new QueueSpec(
                "sum(api_queue_requests_waiting) + sum(api_requests_in_flight)",
                utilization * cluster.capacityPerReplica()),
            null,
            new ArrivalRateSpec("sum(rate(api_requests_arrived_total[1m]))"),
            prediction,
            null,
            null,
            null,
            null,
            null)
        .withCapacitySignals(new ServedRateSpec(SERVED_RATE_QUERY), utilization);
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Requests per second per ready replica as learned so far; empty until known. */
  public OptionalDouble learnedCapacity() {
    return autoscaler.learnedCapacity();
  }

  /** The capacity per replica it learned, or that it did not. */
  @Override
  public Optional<String> note() {
    OptionalDouble learned = learnedCapacity();
    return Optional.of(
        learned.isPresent()
            ? String.format(
                java.util.Locale.ROOT,
                "capacity per replica learned: %.2f req/s",
                learned.getAsDouble())
            : "capacity per replica not learned");
  }

  @Override
  public String name() {
    return "ours";
  }

  @Override
  public Duration period() {
    return settings.pollingInterval();
  }

  @Override
  public int decide(View view) {
    Instant now = view.now();
    Observation seen;
    try {
      seen = scraped(view);
    } catch (Metrics.Unavailable e) {
      seen = unreachable(view, e.getMessage());
    }
    int desired = autoscaler.poll(settings, now, seen).decision().desiredReplicas();
    if (desired != view.specReplicas()) {
      autoscaler.scaled(now, view.specReplicas(), desired, "simulated");
    }
    return desired;
  }

  /** What the operator reads from the scrapes at {@code view}'s second. */
  private static Observation scraped(View view) {
    Instant now = view.now();
    double waiting = view.metrics().queueDepth(view.t());
    double queue = waiting + view.metrics().inFlight(view.t());
    double arrival = view.metrics().arrivalRate(view.t(), RATE_WINDOW);
    SignalReading queueReading =
        Double.isFinite(queue)
            ? SignalReading.of(queue, now)
            : SignalReading.failed("queue: no scrape yet");
    SignalReading arrivalReading =
        Double.isFinite(arrival)
            ? SignalReading.of(arrival, now)
            : SignalReading.failed("arrivalRate: fewer than two scrapes in the window");
    return new Observation(
        view.specReplicas(),
        view.readyReplicas(),
        Signals.queueAndArrivals(queueReading, arrivalReading),
        finite(view.metrics().servedRate(view.t(), RATE_WINDOW)),
        finite(waiting),
        0);
  }

  /**
   * What the operator reads while Prometheus is down: every query fails with {@code reason}, as its
   * signal reader turns a refused connection into a failed reading, so the engine counts the poll
   * as a failure and its fallback acts once {@code fallback.failureThreshold} are in a row. Neither
   * the capacity learner nor the forecaster gets a value.
   */
  private static Observation unreachable(View view, String reason) {
    SignalReading failed = SignalReading.failed(reason);
    return new Observation(
        view.specReplicas(),
        view.readyReplicas(),
        Signals.queueAndArrivals(failed, failed),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        0);
  }
}
