package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** A PEM bundle held in a Secret or a ConfigMap of the ScaledApi's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.secretName) != has(self.configMapName)",
    message = "set exactly one of prometheus.tls.ca.secretName or prometheus.tls.ca.configMapName")
public record CaSource(
    @JsonPropertyDescription("Secret holding the CA bundle.") String secretName,
    @JsonPropertyDescription("ConfigMap holding the CA bundle.") String configMapName,
    @JsonPropertyDescription("Key of the bundle. Defaults to ca.crt.") String key) {

  public String keyOrDefault() {
    return key == null || key.isBlank() ? "ca.crt" : key;
  }
}
