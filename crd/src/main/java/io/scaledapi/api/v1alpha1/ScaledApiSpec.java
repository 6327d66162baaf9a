package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What to scale, within which bounds, and on which signals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        @Default("1")
        @JsonPropertyDescription("Fewest replicas the workload is scaled to. Defaults to 1.")
        Integer minReplicas,
    @Required @Min(1) @JsonPropertyDescription("Most replicas the workload is scaled to.")
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
            "Relative change of a signal that is ignored, as the HPA's tolerance. Defaults to"
                + " 0.1.")
        Double tolerance,
    @JsonPropertyDescription("What to do when the signals cannot be read.") FallbackSpec fallback,
    @Default("Enforce")
        @JsonPropertyDescription(
            "Enforce scales the target; DryRun only reports what it would do. Defaults to"
                + " Enforce.")
        Mode mode,
    @Default("false")
        @JsonPropertyDescription("When true, the target is left alone; status keeps reporting.")
        Boolean paused) {

  /** Defaults applied when the API server has not applied them (e.g. a schema-less client). */
  public static final int DEFAULT_MIN_REPLICAS = 1;

  public static final String DEFAULT_POLLING_INTERVAL = "15s";

  /** The shortest and longest polling intervals the schema accepts. */
  public static final String MIN_POLLING_INTERVAL = "1s";

  public static final String MAX_POLLING_INTERVAL = "1h";
  public static final double DEFAULT_TOLERANCE = 0.1;

  public int minReplicasOrDefault() {
    return minReplicas == null ? DEFAULT_MIN_REPLICAS : minReplicas;
  }

  public String pollingIntervalOrDefault() {
    return pollingInterval == null ? DEFAULT_POLLING_INTERVAL : pollingInterval;
  }

  public double toleranceOrDefault() {
    return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
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
}
