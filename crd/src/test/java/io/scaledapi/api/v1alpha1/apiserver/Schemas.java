package io.scaledapi.api.v1alpha1.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/** Navigation in a structural schema: properties, additional properties and items. */
final class Schemas {
  private Schemas() {}

  /** The schema of {@code key} in an object: a declared property, or additionalProperties. */
  static JSONSchemaProps property(JSONSchemaProps object, String key) {
    if (object.getProperties() != null && object.getProperties().containsKey(key)) {
      return object.getProperties().get(key);
    }
    if (object.getAdditionalProperties() != null) {
      return object.getAdditionalProperties().getSchema();
    }
    return null;
  }

  /** The schema of the items of an array, or null. */
  static JSONSchemaProps items(JSONSchemaProps array) {
    return array.getItems() == null ? null : array.getItems().getSchema();
  }

  static boolean intOrString(JSONSchemaProps schema) {
    return Boolean.TRUE.equals(schema.getXKubernetesIntOrString());
  }
}
