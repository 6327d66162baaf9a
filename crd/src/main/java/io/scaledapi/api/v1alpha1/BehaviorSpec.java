package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Scale-up and scale-down rules with the HorizontalPodAutoscaler's meaning. Unset directions take
 * the HPA defaults: up, no stabilization and the larger of 4 pods or 100% per 15 s; down, a 300 s
 * stabilization window and 100% per 15 s.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BehaviorSpec(
    @JsonPropertyDescription("Rules for adding replicas.") ScalingRulesSpec scaleUp,
    @JsonPropertyDescription("Rules for removing replicas.") ScalingRulesSpec scaleDown) {}
