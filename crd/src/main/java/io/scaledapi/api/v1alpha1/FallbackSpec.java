package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * What to do after consecutive failures to read the signals. Replicas are never lowered because of
 * a failure: the fallback only raises them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(IntegerFormats.class)
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
            "Replicas to run once the threshold is reached; the workload is never scaled down"
                + " to it.")
        Integer replicas) {

  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  /**
   * The longest wait for the fallback, in polls: more than a year at the longest polling interval
   * (1h), close to three hours at the shortest (1s). A fallback that waits longer never applies.
   */
  public static final int MAX_FAILURE_THRESHOLD = 10_000;

  public int failureThresholdOrDefault() {
    return failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold;
  }
}
