package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/**
 * What to do after consecutive failures to read the signals. Replicas are never lowered because of
 * a failure: the fallback only raises them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FallbackSpec(
    @Min(1)
        @Default("3")
        @JsonPropertyDescription("Consecutive failed polls before the fallback applies.")
        Integer failureThreshold,
    @Min(0)
        @JsonPropertyDescription(
            "Replicas to run once the threshold is reached; the workload is never scaled down"
                + " to it.")
        Integer replicas) {

  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  public int failureThresholdOrDefault() {
    return failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold;
  }
}
