package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the operator observed and decided. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaledApiStatus(
    @JsonPropertyDescription("The generation of the spec this status reflects.")
        Long observedGeneration,
    @JsonPropertyDescription("Replicas of the target when last observed.") Integer currentReplicas,
    @JsonPropertyDescription("Replicas the operator last decided on.") Integer desiredReplicas,
    @JsonPropertyDescription("When the operator last changed the target's replicas (RFC 3339).")
        String lastScaleTime,
    @JsonPropertyDescription("Why the operator last changed the target's replicas.")
        String lastScaleReason,
    @JsonPropertyDescription("The signals read at the last poll.") SignalsStatus signals,
    @JsonPropertyDescription("The last forecast, when prediction is on.") ForecastStatus forecast,
    @JsonPropertyDescription("Polls in a row in which a signal could not be read.")
        Integer consecutiveMetricFailures,
    @JsonPropertyDescription(
            "Ready, MetricsAvailable, ScalingActive, ScalingLimited and PredictionReady, as"
                + " Kubernetes conditions.")
        List<Condition> conditions) {}
