package io.scaledapi.api.v1alpha1;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For the CRD generator: gives each integer property of the annotated type the format of its Java
 * type, {@code int32} for an {@code Integer}, or the one the input names for it ({@code
 * observedGeneration=int64}), so that clients generated from the CRD use types that hold every
 * value. Used at build time only.
 */
public final class IntegerFormats implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    Map<String, String> named =
        Arrays.stream(input.split(","))
            .filter(pair -> pair.contains("="))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0].strip(), pair -> pair[1].strip()));
    props
        .getProperties()
        .forEach(
            (name, property) -> {
              if ("integer".equals(property.getType())) {
                property.setFormat(named.getOrDefault(name, "int32"));
              }
            });
    return props;
  }
}
