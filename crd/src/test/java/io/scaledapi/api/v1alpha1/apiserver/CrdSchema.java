package io.scaledapi.api.v1alpha1.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One served version of a CRD: its group, version and kind, and its {@code openAPIV3Schema}.
 *
 * @param schema the {@code openAPIV3Schema} of that version
 */
public record CrdSchema(String group, String version, String kind, JSONSchemaProps schema) {

  /** Where the CRD generator writes the ScaledApi CRD, on the class path of the crd module. */
  public static final String SCALED_API =
      "META-INF/fabric8/scaledapis.autoscaling.scaledapi.io-v1.yml";

  /** The ScaledApi CRD generated from the Java types, version {@code v1alpha1}. */
  public static CrdSchema scaledApi() {
    return load(SCALED_API, "v1alpha1");
  }

  /** The version {@code version} of the CRD in the class-path resource {@code resource}. */
  public static CrdSchema load(String resource, String version) {
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the class path; build the crd module");
      }
      CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      CustomResourceDefinitionVersion served =
          crd.getSpec().getVersions().stream()
              .filter(v -> v.getName().equals(version))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no version " + version));
      return new CrdSchema(
          crd.getSpec().getGroup(),
          version,
          crd.getSpec().getNames().getKind(),
          served.getSchema().getOpenAPIV3Schema());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
