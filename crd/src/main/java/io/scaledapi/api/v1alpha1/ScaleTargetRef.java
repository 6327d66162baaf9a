package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The scaled workload, in the same namespace; any kind with a /scale subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.kind) || self.kind.matches('" + ScaleTargetRef.KIND_PATTERN + "')",
    message =
        "scaleTargetRef.kind must be a kind as the API server spells it, for example Deployment"
            + " or StatefulSet",
    fieldPath = ".kind",
    reason = "FieldValueInvalid")
@ValidationRule(
    value =
        "!has(self.apiVersion) || self.apiVersion.matches('"
            + ScaleTargetRef.API_VERSION_PATTERN
            + "')",
    message =
        "scaleTargetRef.apiVersion must be group/version, or v1 for the core group, for example"
            + " apps/v1",
    fieldPath = ".apiVersion",
    reason = "FieldValueInvalid")
public record ScaleTargetRef(
    @Default("apps/v1") @JsonPropertyDescription("API version of the target. Defaults to apps/v1.")
        String apiVersion,
    @Default("Deployment")
        @JsonPropertyDescription("Kind of the target, e.g. Deployment or StatefulSet.")
        String kind,
    @Required
        @Pattern(NAME_PATTERN)
        @JsonPropertyDescription("Name of the target in the ScaledApi's namespace.")
        String name) {

  /** A kind: upper camel case, as in Deployment. */
  public static final String KIND_PATTERN = "^[A-Z][A-Za-z0-9]*$";

  /** {@code group/version} or a core version: apps/v1, v1, example.com/v1alpha1. */
  public static final String API_VERSION_PATTERN =
      "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?v[0-9]+((alpha|beta)[0-9]+)?$";

  /** A DNS subdomain name, as Kubernetes object names are. */
  public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

  public String apiVersionOrDefault() {
    return apiVersion == null || apiVersion.isBlank() ? "apps/v1" : apiVersion;
  }

  public String kindOrDefault() {
    return kind == null || kind.isBlank() ? "Deployment" : kind;
  }
}
