package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What the operator observed and decided. Fields a newer operator added are ignored when read; its
 * integers may reach the largest a Java {@code Integer} holds, since they report what is, such as a
 * target scaled by hand beyond the product limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(value = IntegerFormats.class, input = "observedGeneration=int64")
public record ScaledApiStatus(
    @JsonPropertyDescription("The generation of the spec this status reflects.")
        Long observedGeneration,
    @Max(Integer.MAX_VALUE) @JsonPropertyDescription("Replicas of the target when last observed.")
        Integer currentReplicas,
    @Max(Integer.MAX_VALUE) @JsonPropertyDescription("Replicas the operator last decided on.")
        Integer desiredReplicas,
    @JsonPropertyDescription("When the operator last changed the target's replicas (RFC 3339).")
        String lastScaleTime,
    @JsonPropertyDescription("Why the operator last changed the target's replicas.")
        String lastScaleReason,
    @JsonPropertyDescription("The signals read at the last poll.") SignalsStatus signals,
    @JsonPropertyDescription("The last forecast, when prediction is on.") ForecastStatus forecast,
    @Max(Integer.MAX_VALUE)
        @JsonPropertyDescription("Polls in a row in which a signal could not be read.")
        Integer consecutiveMetricFailures,
    @JsonPropertyDescription(
            "What the operator does with its decisions: Enforce, DryRun, Paused, ScaleUpPaused or"
                + " ScaleDownPaused.")
        String mode,
    @JsonPropertyDescription(
            "Ready, MetricsAvailable, ScalingActive, ScalingLimited and PredictionReady, as"
                + " Kubernetes conditions.")
        List<Condition> conditions) {}
