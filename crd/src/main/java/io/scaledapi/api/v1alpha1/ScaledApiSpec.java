package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * What to scale, within which bounds, and on which signals.
 *
 * <p>{@code raw} is set only on a spec read from JSON that does not fit these types (a value out of
 * range or of the wrong type, an unknown field): it keeps the JSON as sent, written back unchanged,
 * and a problem per field; the other components then hold what could be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(IntegerFormats.class)
@ValidationRule(
    value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
    message = "minReplicas must be less than or equal to maxReplicas",
    fieldPath = ".minReplicas",
    reason = "FieldValueInvalid")
@ValidationRule(
    value =
        "!has(self.pollingInterval) || !self.pollingInterval.matches('"
            + Durations.PATTERN
            + "') || (duration(self.pollingInterval) >= duration('"
            + ScaledApiSpec.MIN_POLLING_INTERVAL
            + "') && duration(self.pollingInterval) <= duration('"
            + ScaledApiSpec.MAX_POLLING_INTERVAL
            + "'))",
    message =
        "pollingInterval must be between "
            + ScaledApiSpec.MIN_POLLING_INTERVAL
            + " and "
            + ScaledApiSpec.MAX_POLLING_INTERVAL
            + ", for example 15s",
    fieldPath = ".pollingInterval",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.prediction) || has(self.arrivalRate)",
    message =
        "prediction needs arrivalRate: add spec.arrivalRate.query, the requests per second"
            + " to forecast",
    fieldPath = ".prediction",
    reason = "FieldValueRequired")
@ValidationRule(
    value =
        "!has(self.fallback) || !has(self.fallback.replicas)"
            + " || self.fallback.replicas <= self.maxReplicas",
    message = "fallback.replicas must be less than or equal to maxReplicas",
    fieldPath = ".fallback.replicas",
    reason = "FieldValueInvalid")
public record ScaledApiSpec(
    @Required @JsonPropertyDescription("The workload to scale, through its /scale subresource.")
        ScaleTargetRef scaleTargetRef,
    @Min(1)
        @Max(MAX_REPLICAS)
        @Default("1")
        @JsonPropertyDescription(
            "Fewest replicas the workload is scaled to, at most 100000. Defaults to 1.")
        Integer minReplicas,
    @Required
        @Min(1)
        @Max(MAX_REPLICAS)
        @JsonPropertyDescription("Most replicas the workload is scaled to, at most 100000.")
        Integer maxReplicas,
    @Default("15s")
        @Pattern(Durations.PATTERN)
        @JsonPropertyDescription(
            "How often the signals are read and a decision is made, e.g. 15s. Between 1s and"
                + " 1h; defaults to 15s.")
        String pollingInterval,
    @JsonPropertyDescription(
            "Where to read the signals. Defaults to the operator's own Prometheus settings.")
        PrometheusSpec prometheus,
    @Required @JsonPropertyDescription("The request-queue signal: the main scaling signal.")
        QueueSpec queue,
    @JsonPropertyDescription("Optional latency guard: scale up while latency is over target.")
        LatencySpec latency,
    @JsonPropertyDescription("Optional arrival-rate query, in requests per second.")
        ArrivalRateSpec arrivalRate,
    @JsonPropertyDescription(
            "Optional query of the requests served per second; capacity per replica is learned"
                + " from it while the replicas are busy. Without it, from the arrival rate and the"
                + " growth of the queue.")
        ServedRateSpec servedRate,
    @Min(value = 0, inclusive = false)
        @Max(1)
        @Default("0.7")
        @JsonPropertyDescription(
            "Share of a replica's capacity to provision for, above 0 and at most 1, once the"
                + " capacity per replica is known (prediction.capacityPerReplica, or learned):"
                + " replicas = (demand + backlog to drain) / (capacity x targetUtilization), for"
                + " the measured rate and the forecast alike. Until then queue.targetPerReplica"
                + " decides. Defaults to 0.7.")
        Double targetUtilization,
    @JsonPropertyDescription(
            "Optional predictive pre-scaling on a forecast of the arrival rate; needs"
                + " arrivalRate.")
        PredictionSpec prediction,
    @JsonPropertyDescription(
            "Scale-up and scale-down behaviour, with the meaning and defaults of the"
                + " HorizontalPodAutoscaler's behavior field.")
        BehaviorSpec behavior,
    @Min(0)
        @Max(1)
        @Default("0.1")
        @JsonPropertyDescription(
            "Deprecated: set behavior.scaleUp.tolerance and behavior.scaleDown.tolerance."
                + " Relative change of a signal that is ignored, as the HPA's tolerance, in each"
                + " direction that sets none of its own. Defaults to 0.1.")
        Double tolerance,
    @JsonPropertyDescription("What to do when the signals cannot be read.") FallbackSpec fallback,
    @Default("Enforce")
        @JsonPropertyDescription(
            "Enforce scales the target; DryRun only reports what it would do. Defaults to"
                + " Enforce.")
        Mode mode,
    @Default("false")
        @JsonPropertyDescription("When true, the target is left alone; status keeps reporting.")
        Boolean paused,
    @Default("false")
        @JsonPropertyDescription(
            "When true, replicas are never raised; they may still go down. As KEDA's"
                + " paused-scale-out. Defaults to false.")
        Boolean pausedScaleUp,
    @Default("false")
        @JsonPropertyDescription(
            "When true, replicas are never lowered; they may still go up. As KEDA's"
                + " paused-scale-in. Defaults to false.")
        Boolean pausedScaleDown,
    @JsonIgnore RawSpec raw) {

  /** A spec as written in code or read without problems. */
  public ScaledApiSpec(
      ScaleTargetRef scaleTargetRef,
      Integer minReplicas,
      Integer maxReplicas,
      String pollingInterval,
      PrometheusSpec prometheus,
      QueueSpec queue,
      LatencySpec latency,
      ArrivalRateSpec arrivalRate,
      PredictionSpec prediction,
      BehaviorSpec behavior,
      Double tolerance,
      FallbackSpec fallback,
      Mode mode,
      Boolean paused) {
    this(
        scaleTargetRef,
        minReplicas,
        maxReplicas,
        pollingInterval,
        prometheus,
        queue,
        latency,
        arrivalRate,
        null,
        null,
        prediction,
        behavior,
        tolerance,
        fallback,
        mode,
        paused,
        null,
        null,
        null);
  }

  /**
   * The most replicas a ScaledApi may name, in minReplicas, maxReplicas and fallback.replicas: the
   * product limit. Kubernetes supports clusters of at most 150,000 pods (its scalability
   * thresholds), so no workload runs more; 100,000 leaves the largest deployments room, and keeps
   * every count, sum and percentage of counts far inside the 32 bits of the operator's integers and
   * of the API server's own replica fields.
   */
  public static final int MAX_REPLICAS = 100_000;

  /** Defaults applied when the API server has not applied them (e.g. a schema-less client). */
  public static final int DEFAULT_MIN_REPLICAS = 1;

  public static final String DEFAULT_POLLING_INTERVAL = "15s";

  /** The shortest and longest polling intervals the schema accepts. */
  public static final String MIN_POLLING_INTERVAL = "1s";

  public static final String MAX_POLLING_INTERVAL = "1h";
  public static final double DEFAULT_TOLERANCE = 0.1;
  public static final double DEFAULT_TARGET_UTILIZATION = 0.7;

  /** Why the spec as sent could not be read, a problem per field; empty when it was read. */
  public List<String> readProblems() {
    return raw == null ? List.of() : raw.problems();
  }

  /** This spec, read from {@code raw} with its problems. */
  ScaledApiSpec withRaw(RawSpec raw) {
    return new ScaledApiSpec(
        scaleTargetRef,
        minReplicas,
        maxReplicas,
        pollingInterval,
        prometheus,
        queue,
        latency,
        arrivalRate,
        servedRate,
        targetUtilization,
        prediction,
        behavior,
        tolerance,
        fallback,
        mode,
        paused,
        pausedScaleUp,
        pausedScaleDown,
        raw);
  }

  public int minReplicasOrDefault() {
    return minReplicas == null ? DEFAULT_MIN_REPLICAS : minReplicas;
  }

  public String pollingIntervalOrDefault() {
    return pollingInterval == null ? DEFAULT_POLLING_INTERVAL : pollingInterval;
  }

  public double toleranceOrDefault() {
    return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
  }

  public double targetUtilizationOrDefault() {
    return targetUtilization == null ? DEFAULT_TARGET_UTILIZATION : targetUtilization;
  }

  /** This spec with {@code prediction} set. */
  public ScaledApiSpec withPrediction(PredictionSpec changed) {
    return new ScaledApiSpec(
        scaleTargetRef,
        minReplicas,
        maxReplicas,
        pollingInterval,
        prometheus,
        queue,
        latency,
        arrivalRate,
        servedRate,
        targetUtilization,
        changed,
        behavior,
        tolerance,
        fallback,
        mode,
        paused,
        pausedScaleUp,
        pausedScaleDown,
        raw);
  }

  /** This spec with {@code servedRate} and {@code targetUtilization} set. */
  public ScaledApiSpec withCapacitySignals(ServedRateSpec served, Double utilization) {
    return new ScaledApiSpec(
        scaleTargetRef,
        minReplicas,
        maxReplicas,
        pollingInterval,
        prometheus,
        queue,
        latency,
        arrivalRate,
        served,
        utilization,
        prediction,
        behavior,
        tolerance,
        fallback,
        mode,
        paused,
        pausedScaleUp,
        pausedScaleDown,
        raw);
  }

  public Mode modeOrDefault() {
    return mode == null ? Mode.ENFORCE : mode;
  }

  /** The prediction settings when prediction is configured and enabled. */
  public java.util.Optional<PredictionSpec> activePrediction() {
    return prediction == null || !prediction.enabledOrDefault()
        ? java.util.Optional.empty()
        : java.util.Optional.of(prediction);
  }

  public boolean pausedOrDefault() {
    return Boolean.TRUE.equals(paused);
  }

  public boolean pausedScaleUpOrDefault() {
    return Boolean.TRUE.equals(pausedScaleUp);
  }

  public boolean pausedScaleDownOrDefault() {
    return Boolean.TRUE.equals(pausedScaleDown);
  }

  /** This spec with one direction, or both, paused or not. */
  public ScaledApiSpec withPausedDirections(Boolean up, Boolean down) {
    return new ScaledApiSpec(
        scaleTargetRef,
        minReplicas,
        maxReplicas,
        pollingInterval,
        prometheus,
        queue,
        latency,
        arrivalRate,
        servedRate,
        targetUtilization,
        prediction,
        behavior,
        tolerance,
        fallback,
        mode,
        paused,
        up,
        down,
        raw);
  }
}
