package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Connection to the Prometheus HTTP API; unset fields fall back to the operator's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.timeout) || !self.timeout.matches('"
            + Durations.PATTERN
            + "') || (duration(self.timeout) >= duration('100ms')"
            + " && duration(self.timeout) <= duration('5m'))",
    message = "prometheus.timeout must be between 100ms and 5m, for example 5s",
    fieldPath = ".timeout",
    reason = "FieldValueInvalid")
public record PrometheusSpec(
    @Pattern("^https?://.+")
        @JsonPropertyDescription(
            "Base URL of Prometheus, e.g. http://prometheus.monitoring:9090. Defaults to the"
                + " operator's --prometheus-address.")
        String address,
    @JsonPropertyDescription("Credentials, read from a Secret in the ScaledApi's namespace.")
        PrometheusAuthSpec auth,
    @JsonPropertyDescription("TLS settings for an https address.") PrometheusTlsSpec tls,
    @Pattern(Durations.PATTERN)
        @JsonPropertyDescription("Timeout of one query, e.g. 5s. Defaults to 5s.")
        String timeout) {

  public static final String DEFAULT_TIMEOUT = "5s";

  public String timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}
