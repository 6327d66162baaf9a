package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** At most {@code value} pods, or {@code value} percent, of change per {@code periodSeconds}. */
@SchemaCustomizer(IntegerFormats.class)
public record ScalingPolicySpec(
    @Required @JsonPropertyDescription("Pods or Percent.") PolicyType type,
    @Required
        @Min(1)
        @Max(ScaledApiSpec.MAX_REPLICAS)
        @JsonPropertyDescription("How many pods, or what percent; at most 100000.")
        Integer value,
    @Required
        @Min(1)
        @Max(1800)
        @JsonPropertyDescription("Length of the period the limit applies to, in seconds.")
        Integer periodSeconds) {

  /** The unit of a policy's value. */
  public enum PolicyType {
    @com.fasterxml.jackson.annotation.JsonProperty("Pods")
    PODS,
    @com.fasterxml.jackson.annotation.JsonProperty("Percent")
    PERCENT
  }
}
