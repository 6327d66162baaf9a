package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The scaled workload, in the same namespace; any kind with a /scale subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleTargetRef(
    @Default("apps/v1") @JsonPropertyDescription("API version of the target. Defaults to apps/v1.")
        String apiVersion,
    @Default("Deployment")
        @JsonPropertyDescription("Kind of the target, e.g. Deployment or StatefulSet.")
        String kind,
    @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Name of the target in the ScaledApi's namespace.")
        String name) {

  public String apiVersionOrDefault() {
    return apiVersion == null || apiVersion.isBlank() ? "apps/v1" : apiVersion;
  }

  public String kindOrDefault() {
    return kind == null || kind.isBlank() ? "Deployment" : kind;
  }
}
