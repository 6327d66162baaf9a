package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Requests completed per second: what the replicas served, from which capacity is learned. */
public record ServedRateSpec(
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "PromQL returning one series: requests completed per second, e.g."
                + " sum(rate(api_request_duration_seconds_count[1m])).")
        String query) {}
