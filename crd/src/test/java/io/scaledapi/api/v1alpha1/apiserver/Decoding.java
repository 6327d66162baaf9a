package io.scaledapi.api.v1alpha1.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server does to a custom resource while decoding it, before any validation: unknown
 * fields are pruned (and reported, for strict field validation), nulls of non-nullable fields
 * without a default are dropped, and defaults are filled in. After apiextensions-apiserver
 * pkg/apiserver/schema/pruning/algorithm.go and schema/defaulting/{algorithm,prunenulls}.go.
 */
final class Decoding {
  /** Fields of the resource root that the schema never lists. */
  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Decoding() {}

  /** Removes the fields the schema does not declare; returns their paths, sorted. */
  static List<String> prune(Map<String, Object> root, JSONSchemaProps schema) {
    List<String> unknown = new ArrayList<>();
    prune(root, schema, "", unknown);
    unknown.sort(null);
    return unknown;
  }

  private static void prune(Object value, JSONSchemaProps schema, String path, List<String> out) {
    if (Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> entry = it.next();
        String key = (String) entry.getKey();
        String child = path.isEmpty() ? key : path + "." + key;
        JSONSchemaProps property = Schemas.property(schema, key);
        if (property != null) {
          prune(entry.getValue(), property, child, out);
        } else if (path.isEmpty() && META_FIELDS.contains(key)) {
          continue;
        } else {
          out.add(child);
          it.remove();
        }
      }
    } else if (value instanceof List<?> list && Schemas.items(schema) != null) {
      for (int i = 0; i < list.size(); i++) {
        prune(list.get(i), Schemas.items(schema), path + "[" + i + "]", out);
      }
    }
  }

  /** Drops nulls the schema does not allow and fills in the defaults, all the way down. */
  @SuppressWarnings("unchecked")
  static void applyDefaults(Object value, JSONSchemaProps schema) {
    if (value instanceof Map<?, ?> raw && schema.getProperties() != null) {
      Map<String, Object> map = (Map<String, Object>) raw;
      schema
          .getProperties()
          .forEach(
              (key, property) -> {
                boolean nullable = Boolean.TRUE.equals(property.getNullable());
                boolean isNull = map.containsKey(key) && map.get(key) == null;
                boolean missing = !map.containsKey(key) || (isNull && !nullable);
                if (missing && property.getDefault() != null) {
                  map.put(key, Json.value(property.getDefault()));
                } else if (isNull && !nullable) {
                  map.remove(key);
                }
              });
      map.forEach(
          (key, child) -> {
            JSONSchemaProps property = Schemas.property(schema, key);
            if (property != null) {
              applyDefaults(child, property);
            }
          });
    } else if (value instanceof List<?> list && Schemas.items(schema) != null) {
      list.forEach(item -> applyDefaults(item, Schemas.items(schema)));
    }
  }
}
