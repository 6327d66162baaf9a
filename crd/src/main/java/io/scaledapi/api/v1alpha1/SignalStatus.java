package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One signal as last read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignalStatus(
    @JsonPropertyDescription("The value read.") Double value,
    @JsonPropertyDescription("Time of the sample (RFC 3339).") String time,
    @JsonPropertyDescription("Why the signal could not be read, when it could not.")
        String error) {}
