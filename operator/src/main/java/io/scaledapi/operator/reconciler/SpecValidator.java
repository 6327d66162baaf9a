package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what the CRD schema should already have rejected, for clusters or clients that skip it,
 * plus what a schema cannot say. Each problem names the field and the fix.
 */
public final class SpecValidator {
  public static final Duration MIN_POLLING_INTERVAL =
      Durations.parse(ScaledApiSpec.MIN_POLLING_INTERVAL);
  public static final Duration MAX_POLLING_INTERVAL =
      Durations.parse(ScaledApiSpec.MAX_POLLING_INTERVAL);

  private SpecValidator() {}

  /** Problems with {@code spec}; empty when it can be acted on. */
  public static List<String> problems(ScaledApiSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      return List.of("spec is missing; set spec.scaleTargetRef, spec.maxReplicas and spec.queue");
    }
    if (!spec.readProblems().isEmpty()) {
      // the rest is checked once these fields can be read, as the API server defers its rules
      return spec.readProblems();
    }
    if (spec.scaleTargetRef() == null
        || spec.scaleTargetRef().name() == null
        || spec.scaleTargetRef().name().isBlank()) {
      problems.add("spec.scaleTargetRef.name is required; name the Deployment to scale");
    }
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
    checkPollingInterval(spec.pollingIntervalOrDefault(), problems);
    if (spec.queue() == null || spec.queue().query() == null || spec.queue().query().isBlank()) {
      problems.add("spec.queue.query is required; give a PromQL query for requests waiting");
    }
    if (spec.queue() != null
        && (spec.queue().targetPerReplica() == null || !(spec.queue().targetPerReplica() > 0))) {
      problems.add("spec.queue.targetPerReplica must be greater than 0, e.g. 10");
    } else if (spec.queue() != null && Double.isInfinite(spec.queue().targetPerReplica())) {
      problems.add(
          "spec.queue.targetPerReplica must be a finite number, e.g. 10; got "
              + spec.queue().targetPerReplica());
    }
    if (spec.latency() != null) {
      checkDuration("spec.latency.target", spec.latency().target(), problems);
    }
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
    SchemaRecheck.check(spec, problems);
    PredictionSettings.parse(spec, problems);
    SpecQueries.checkSyntax(spec, problems);
    return problems;
  }

  /** The polling interval, or the default when the spec has none or it cannot be parsed. */
  public static Duration pollingInterval(ScaledApiSpec spec) {
    if (spec == null) {
      return Durations.parse(ScaledApiSpec.DEFAULT_POLLING_INTERVAL);
    }
    try {
      Duration d = Durations.parse(spec.pollingIntervalOrDefault());
      if (d.compareTo(MIN_POLLING_INTERVAL) < 0) {
        return MIN_POLLING_INTERVAL;
      }
      return d.compareTo(MAX_POLLING_INTERVAL) > 0 ? MAX_POLLING_INTERVAL : d;
    } catch (IllegalArgumentException e) {
      return Durations.parse(ScaledApiSpec.DEFAULT_POLLING_INTERVAL);
    }
  }

  private static void checkPollingInterval(String text, List<String> problems) {
    String outOfRange =
        String.format(
            "spec.pollingInterval must be between %s and %s, e.g. 15s; got %s",
            ScaledApiSpec.MIN_POLLING_INTERVAL, ScaledApiSpec.MAX_POLLING_INTERVAL, text);
    try {
      Duration d = Durations.parse(text);
      if (d.compareTo(MIN_POLLING_INTERVAL) < 0 || d.compareTo(MAX_POLLING_INTERVAL) > 0) {
        problems.add(outOfRange);
      }
    } catch (Durations.TooLong e) {
      problems.add(outOfRange);
    } catch (IllegalArgumentException e) {
      problems.add("spec.pollingInterval: " + e.getMessage());
    }
  }

  private static void checkDuration(String field, String text, List<String> problems) {
    try {
      if (Durations.parse(text).isZero()) {
        problems.add(field + " must be greater than zero, e.g. 250ms");
      }
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
    }
  }
}
