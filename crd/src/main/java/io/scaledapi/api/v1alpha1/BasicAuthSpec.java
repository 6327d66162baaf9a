package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Basic-auth credentials held in one Secret of the ScaledApi's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BasicAuthSpec(
    @Required @Size(min = 1) @JsonPropertyDescription("Name of the Secret.") String secretName,
    @JsonPropertyDescription("Key holding the user name. Defaults to username.") String usernameKey,
    @JsonPropertyDescription("Key holding the password. Defaults to password.")
        String passwordKey) {

  public String usernameKeyOrDefault() {
    return usernameKey == null || usernameKey.isBlank() ? "username" : usernameKey;
  }

  public String passwordKeyOrDefault() {
    return passwordKey == null || passwordKey.isBlank() ? "password" : passwordKey;
  }
}
