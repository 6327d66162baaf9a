package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The request-queue signal: desired replicas = ceil(queue depth / targetPerReplica). */
public record QueueSpec(
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "PromQL returning one series: requests waiting in the queue, e.g."
                + " sum(api_queue_requests_waiting{app=\"checkout\"}).")
        String query,
    @Required
        @Min(value = 0, inclusive = false)
        @JsonPropertyDescription("Requests waiting that one replica may have, e.g. 10.")
        Double targetPerReplica) {}
