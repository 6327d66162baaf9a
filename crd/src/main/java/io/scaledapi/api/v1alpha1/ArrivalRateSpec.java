package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Arrival rate of requests, read and reported; the forecaster uses it. */
public record ArrivalRateSpec(
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "PromQL returning one series: requests per second, e.g."
                + " sum(rate(api_requests_arrived_total[1m])).")
        String query) {}
