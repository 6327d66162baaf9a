package io.scaledapi.operator.spec;

import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.engine.Pause;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Parses a {@link ScaledApiSpec} once, checking and translating each field in the same pass. It
 * checks what the CRD schema should already have rejected, for clusters or clients that skip it,
 * and what a schema cannot say (valid PromQL, a query confined to its namespace).
 */
public final class SpecParser {
  public static final Duration MIN_POLLING_INTERVAL =
      Durations.parse(ScaledApiSpec.MIN_POLLING_INTERVAL);
  public static final Duration MAX_POLLING_INTERVAL =
      Durations.parse(ScaledApiSpec.MAX_POLLING_INTERVAL);
  static final Duration DEFAULT_POLLING_INTERVAL =
      Durations.parse(ScaledApiSpec.DEFAULT_POLLING_INTERVAL);

  private final Optional<NamespaceIsolation> isolation;

  /**
   * @param isolation when present, every query is confined to its ScaledApi's namespace
   */
  public SpecParser(Optional<NamespaceIsolation> isolation) {
    this.isolation = isolation;
  }

  /** Parses {@code spec} with its queries sent as written. */
  public static ParsedSpec parse(ScaledApiSpec spec) {
    return new SpecParser(Optional.empty()).parse(spec, null);
  }

  /** Parses the spec of a ScaledApi in {@code namespace}. */
  public ParsedSpec parse(ScaledApiSpec spec, String namespace) {
    if (spec == null) {
      return new ParsedSpec.Invalid(
          List.of("spec is missing; set spec.scaleTargetRef, spec.maxReplicas and spec.queue"),
          DEFAULT_POLLING_INTERVAL);
    }
    List<String> intervalProblems = new ArrayList<>();
    Duration interval = pollingInterval(spec.pollingIntervalOrDefault(), intervalProblems);
    if (!spec.readProblems().isEmpty()) {
      // the rest is checked once these fields can be read, as the API server defers its rules
      return new ParsedSpec.Invalid(spec.readProblems(), interval);
    }
    List<String> problems = new ArrayList<>();
    target(spec, problems);
    replicas(spec, problems);
    problems.addAll(intervalProblems);
    double queueTarget = queueTarget(spec, problems);
    OptionalDouble latencyTarget =
        spec.latency() == null
            ? OptionalDouble.empty()
            : positiveSeconds("spec.latency.target", spec.latency().target(), problems);
    fallbackReplicas(spec, problems);
    SchemaRecheck.check(spec, problems);
    Optional<PredictionSettings> prediction = PredictionSettings.parse(spec, problems);
    SignalQueries queries =
        new QueryParser(isolation.map(i -> expr -> i.rewrite(expr, namespace)))
            .queries(spec, problems);
    if (!problems.isEmpty()) {
      return new ParsedSpec.Invalid(problems, interval);
    }
    ScalingSpec scaling =
        new ScalingSpec(
            spec.minReplicasOrDefault(),
            spec.maxReplicas(),
            queueTarget,
            spec.targetUtilizationOrDefault(),
            latencyTarget,
            BehaviorTranslation.tolerance(spec),
            BehaviorTranslation.of(spec.behavior()),
            BehaviorTranslation.fallback(spec.fallback()),
            new Pause(spec.pausedScaleUpOrDefault(), spec.pausedScaleDownOrDefault()));
    return new ParsedSpec.Valid(new ScaledApiSettings(scaling, interval, queries, prediction));
  }

  /**
   * The polling interval of {@code spec}, valid or not: clamped to its bounds, or the default when
   * it cannot be parsed.
   */
  public static Duration pollingInterval(ScaledApiSpec spec) {
    return spec == null
        ? DEFAULT_POLLING_INTERVAL
        : pollingInterval(spec.pollingIntervalOrDefault(), new ArrayList<>());
  }

  /**
   * The polling interval, clamped to its bounds, or the default when it cannot be parsed; either
   * adds a problem.
   */
  private static Duration pollingInterval(String text, List<String> problems) {
    String outOfRange =
        String.format(
            "spec.pollingInterval must be between %s and %s, e.g. 15s; got %s",
            ScaledApiSpec.MIN_POLLING_INTERVAL, ScaledApiSpec.MAX_POLLING_INTERVAL, text);
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (Durations.TooLong e) {
      problems.add(outOfRange);
      return DEFAULT_POLLING_INTERVAL;
    } catch (IllegalArgumentException e) {
      problems.add("spec.pollingInterval: " + e.getMessage());
      return DEFAULT_POLLING_INTERVAL;
    }
    if (d.compareTo(MIN_POLLING_INTERVAL) < 0) {
      problems.add(outOfRange);
      return MIN_POLLING_INTERVAL;
    }
    if (d.compareTo(MAX_POLLING_INTERVAL) > 0) {
      problems.add(outOfRange);
      return MAX_POLLING_INTERVAL;
    }
    return d;
  }

  private static void target(ScaledApiSpec spec, List<String> problems) {
    if (spec.scaleTargetRef() == null
        || spec.scaleTargetRef().name() == null
        || spec.scaleTargetRef().name().isBlank()) {
      problems.add("spec.scaleTargetRef.name is required; name the Deployment to scale");
    }
  }

  private static void replicas(ScaledApiSpec spec, List<String> problems) {
    if (spec.maxReplicas() == null) {
      problems.add("spec.maxReplicas is required: the most replicas to scale to, e.g. 10");
    } else if (spec.maxReplicas() < 1) {
      problems.add("spec.maxReplicas must be at least 1");
    } else if (spec.maxReplicas() > ScaledApiSpec.MAX_REPLICAS) {
      problems.add(
          "spec.maxReplicas must be at most "
              + ScaledApiSpec.MAX_REPLICAS
              + "; got "
              + spec.maxReplicas());
    } else if (spec.minReplicasOrDefault() > spec.maxReplicas()) {
      problems.add(
          "spec.minReplicas ("
              + spec.minReplicasOrDefault()
              + ") must be less than or equal to spec.maxReplicas ("
              + spec.maxReplicas()
              + ")");
    }
    if (spec.minReplicasOrDefault() < 1) {
      problems.add("spec.minReplicas must be at least 1");
    } else if (spec.minReplicasOrDefault() > ScaledApiSpec.MAX_REPLICAS) {
      problems.add(
          "spec.minReplicas must be at most "
              + ScaledApiSpec.MAX_REPLICAS
              + "; got "
              + spec.minReplicasOrDefault());
    }
  }

  private static double queueTarget(ScaledApiSpec spec, List<String> problems) {
    if (spec.queue() == null || spec.queue().query() == null || spec.queue().query().isBlank()) {
      problems.add("spec.queue.query is required; give a PromQL query for requests waiting");
    }
    if (spec.queue() == null) {
      return Double.NaN;
    }
    Double target = spec.queue().targetPerReplica();
    if (target == null || !(target > 0)) {
      problems.add("spec.queue.targetPerReplica must be greater than 0, e.g. 10");
      return Double.NaN;
    }
    if (Double.isInfinite(target)) {
      problems.add("spec.queue.targetPerReplica must be a finite number, e.g. 10; got " + target);
    }
    return target;
  }

  private static OptionalDouble positiveSeconds(String field, String text, List<String> problems) {
    try {
      Duration d = Durations.parse(text);
      if (d.isZero()) {
        problems.add(field + " must be greater than zero, e.g. 250ms");
      }
      return OptionalDouble.of(d.toNanos() / 1e9);
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return OptionalDouble.empty();
    }
  }

  private static void fallbackReplicas(ScaledApiSpec spec, List<String> problems) {
    if (spec.fallback() != null
        && spec.fallback().replicas() != null
        && spec.maxReplicas() != null
        && spec.fallback().replicas() > spec.maxReplicas()) {
      problems.add(
          "spec.fallback.replicas ("
              + spec.fallback().replicas()
              + ") must be less than or equal to spec.maxReplicas ("
              + spec.maxReplicas()
              + ")");
    }
  }
}
