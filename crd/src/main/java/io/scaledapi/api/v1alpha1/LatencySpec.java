package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Latency guard: while latency is over target, replicas grow at least by latency / target. */
@ValidationRule(
    value =
        "!self.target.matches('"
            + Durations.PATTERN
            + "') || duration(self.target) > duration('0s')",
    message = "latency.target must be greater than zero, for example 250ms",
    fieldPath = ".target",
    reason = "FieldValueInvalid")
public record LatencySpec(
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "PromQL returning one series: a latency in seconds, e.g. a histogram_quantile.")
        String query,
    @Required @Pattern(Durations.PATTERN) @JsonPropertyDescription("Latency budget, e.g. 250ms.")
        String target) {}
