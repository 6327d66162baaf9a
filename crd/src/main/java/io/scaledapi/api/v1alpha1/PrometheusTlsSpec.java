package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** TLS settings for Prometheus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrometheusTlsSpec(
    @JsonPropertyDescription("PEM certificate(s) of the CA that signed Prometheus's certificate.")
        CaSource ca) {}
