package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Exactly one way to authenticate to Prometheus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.bearer) != has(self.basic)",
    message = "set exactly one of prometheus.auth.bearer or prometheus.auth.basic")
public record PrometheusAuthSpec(
    @JsonPropertyDescription("A bearer token read from a Secret key (default key: token).")
        SecretKeyRef bearer,
    @JsonPropertyDescription(
            "Basic auth read from a Secret with keys username and password (or those named).")
        BasicAuthSpec basic) {}
