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
            + "') || (duration(self.timeout) >= duration('"
            + PrometheusSpec.MIN_TIMEOUT
            + "') && duration(self.timeout) <= duration('"
            + PrometheusSpec.MAX_TIMEOUT
            + "'))",
    message =
        "prometheus.timeout must be between "
            + PrometheusSpec.MIN_TIMEOUT
            + " and "
            + PrometheusSpec.MAX_TIMEOUT
            + ", for example 5s",
    fieldPath = ".timeout",
    reason = "FieldValueInvalid")
public record PrometheusSpec(
    @Pattern(PrometheusSpec.ADDRESS_PATTERN)
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

  /** The shortest and longest query timeouts the schema accepts. */
  public static final String MIN_TIMEOUT = "100ms";

  public static final String MAX_TIMEOUT = "5m";

  /** What an address must look like: an http or https URL. */
  public static final String ADDRESS_PATTERN = "^https?://.+";

  public String timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}
