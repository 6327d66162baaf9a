package io.scaledapi.api.v1alpha1.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What kube-apiserver does with a request that creates a custom resource, for one CRD version:
 * decode with strict field validation (unknown fields reject the request, as {@code kubectl apply}
 * asks by default), prune nulls and fill in defaults, check the OpenAPI schema, then the CEL rules
 * unless a blocking error came first (apiextensions-apiserver pkg/registry/customresource/
 * strategy.go, {@code Validate} and {@code hasBlockingErr}; Kubernetes 1.31).
 */
public final class ApiServer {
  private final CrdSchema crd;
  private final CelValidation rules;

  public ApiServer(CrdSchema crd) {
    this.crd = crd;
    this.rules = new CelValidation(crd.schema());
  }

  /** The API server for the ScaledApi CRD generated from the Java types. */
  public static ApiServer forScaledApi() {
    return new ApiServer(CrdSchema.scaledApi());
  }

  /** How many CEL rules the CRD has; all of them compiled. */
  public int ruleCount() {
    return rules.size();
  }

  /** The answer to a create request with {@code object} as its body. */
  public Admission create(Map<String, Object> object) {
    Map<String, Object> stored = Json.copy(object);
    String name = name(stored);
    List<String> unknown = Decoding.prune(stored, crd.schema());
    if (!unknown.isEmpty()) {
      return Admission.badRequest(crd, name, unknown);
    }
    Decoding.applyDefaults(stored, crd.schema());
    List<FieldError> errors = new ArrayList<>(OpenApiValidation.validate(stored, crd.schema()));
    if (errors.stream().anyMatch(e -> e.type().blocking())) {
      errors.add(FieldError.RULES_NOT_CHECKED);
    } else {
      errors.addAll(rules.validate(stored, crd.schema()));
    }
    return errors.isEmpty()
        ? Admission.created(crd, name, stored)
        : Admission.invalid(crd, name, errors);
  }

  private static String name(Map<String, Object> object) {
    return object.get("metadata") instanceof Map<?, ?> metadata
            && metadata.get("name") instanceof String name
        ? name
        : "";
  }
}
