package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the ScaledApi's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(
    @Required @Size(min = 1) @JsonPropertyDescription("Name of the Secret.") String secretName,
    @JsonPropertyDescription("Key in the Secret. Defaults to token.") String key) {

  public String keyOr(String fallback) {
    return key == null || key.isBlank() ? fallback : key;
  }
}
