package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One direction's rules, as the HPA's HPAScalingRules. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(IntegerFormats.class)
public record ScalingRulesSpec(
    @Min(0)
        @Max(3600)
        @JsonPropertyDescription(
            "Seconds of past recommendations considered: scale up to the lowest, down to the"
                + " highest of them.")
        Integer stabilizationWindowSeconds,
    @JsonPropertyDescription(
            "Which policy applies when several do: Max (the largest change, default), Min, or"
                + " Disabled (no scaling in this direction).")
        SelectPolicy selectPolicy,
    @Size(min = 1, max = 10)
        @JsonPropertyDescription("Limits on the change per period; without them the HPA's apply.")
        List<ScalingPolicySpec> policies,
    @Min(0)
        @Max(1)
        @JsonPropertyDescription(
            "Relative change of the usage ratio ignored in this direction, as the HPA's"
                + " behavior tolerance: scale up only when the ratio exceeds 1 + scaleUp's, down"
                + " only when it is below 1 - scaleDown's. Between 0 and 1; defaults to"
                + " spec.tolerance.")
        Double tolerance) {

  /** Rules without a tolerance of their own. */
  public ScalingRulesSpec(
      Integer stabilizationWindowSeconds,
      SelectPolicy selectPolicy,
      List<ScalingPolicySpec> policies) {
    this(stabilizationWindowSeconds, selectPolicy, policies, null);
  }
}
