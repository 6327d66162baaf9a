package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What to do after consecutive failures to read the signals, with KEDA's behaviours. By default
 * replicas are never lowered because of a failure: with {@code replicas} the fallback raises to
 * them ({@code currentReplicasIfHigher}), without it holds what runs ({@code currentReplicas}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(IntegerFormats.class)
@ValidationRule(
    value = "has(self.replicas) || !has(self.behavior) || self.behavior == 'currentReplicas'",
    message =
        "fallback.behavior static, currentReplicasIfHigher and currentReplicasIfLower need"
            + " fallback.replicas: set it, or use behavior currentReplicas",
    fieldPath = ".replicas",
    reason = "FieldValueRequired")
public record FallbackSpec(
    @Min(1)
        @Max(MAX_FAILURE_THRESHOLD)
        @Default("3")
        @JsonPropertyDescription(
            "Consecutive failed polls before the fallback applies, at most 10000. Defaults to 3.")
        Integer failureThreshold,
    @Min(0)
        @Max(ScaledApiSpec.MAX_REPLICAS)
        @JsonPropertyDescription(
            "Replicas the behaviour compares with what runs once the threshold is reached.")
        Integer replicas,
    @JsonPropertyDescription(
            "What the fallback sets, as KEDA's fallback.behavior: currentReplicasIfHigher (the"
                + " larger of what runs and replicas; the default with replicas), currentReplicas"
                + " (hold what runs; the default without), static (exactly replicas, which may"
                + " scale down), currentReplicasIfLower (the smaller of the two, which may scale"
                + " down).")
        FallbackBehavior behavior) {

  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  /**
   * The longest wait for the fallback, in polls: more than a year at the longest polling interval
   * (1h), close to three hours at the shortest (1s). A fallback that waits longer never applies.
   */
  public static final int MAX_FAILURE_THRESHOLD = 10_000;

  /** A fallback to {@code replicas} with the default behaviour. */
  public FallbackSpec(Integer failureThreshold, Integer replicas) {
    this(failureThreshold, replicas, null);
  }

  public int failureThresholdOrDefault() {
    return failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold;
  }

  /** The behaviour, or its default: currentReplicasIfHigher with replicas, else currentReplicas. */
  public FallbackBehavior behaviorOrDefault() {
    if (behavior != null) {
      return behavior;
    }
    return replicas == null
        ? FallbackBehavior.CURRENT_REPLICAS
        : FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER;
  }
}
