package io.scaledapi.api.v1alpha1.apiserver;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL type of each node of a structural schema, as Kubernetes declares {@code self} for a rule
 * (k8s.io/apiserver pkg/cel/common/schemas.go, {@code SchemaDeclType}): an object with properties
 * is a struct whose fields are its properties, so that a misspelt field fails to compile; a map
 * (additionalProperties) a map of strings; int-or-string and preserve-unknown-fields are dyn.
 * Values are converted to the declared types as the API server does: integers to int, numbers to
 * double.
 */
final class CelTypes implements CelTypeProvider {
  private final Map<String, StructType> structs = new LinkedHashMap<>();
  private final Map<JSONSchemaProps, CelType> bySchema = new IdentityHashMap<>();

  /** The types of every node of {@code root}, whose nodes are named after their paths. */
  CelTypes(JSONSchemaProps root) {
    declare("object", root);
  }

  /** The type declared for {@code schema}, a node of the root schema. */
  CelType of(JSONSchemaProps schema) {
    CelType type = bySchema.get(schema);
    if (type == null) {
      throw new IllegalArgumentException("not a node of the schema: " + schema);
    }
    return type;
  }

  private CelType declare(String name, JSONSchemaProps s) {
    CelType type = typeOf(name, s);
    bySchema.put(s, type);
    return type;
  }

  private CelType typeOf(String name, JSONSchemaProps s) {
    if (Schemas.intOrString(s) || Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields())) {
      return SimpleType.DYN;
    }
    String type = s.getType() == null ? "" : s.getType();
    return switch (type) {
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "boolean" -> SimpleType.BOOL;
      case "string" -> SimpleType.STRING;
      case "array" ->
          ListType.create(
              Schemas.items(s) == null ? SimpleType.DYN : declare(name + ".@", Schemas.items(s)));
      case "object" -> objectType(name, s);
      default -> SimpleType.DYN;
    };
  }

  private CelType objectType(String name, JSONSchemaProps s) {
    if (s.getProperties() == null || s.getProperties().isEmpty()) {
      JSONSchemaProps values =
          s.getAdditionalProperties() == null ? null : s.getAdditionalProperties().getSchema();
      return MapType.create(
          SimpleType.STRING, values == null ? SimpleType.DYN : declare(name + ".@", values));
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    s.getProperties().forEach((k, v) -> fields.put(k, declare(name + "." + k, v)));
    StructType struct =
        StructType.create(
            name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(fields.get(f)));
    structs.put(name, struct);
    return struct;
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(structs.values());
  }

  @Override
  public Optional<CelType> findType(String typeName) {
    return Optional.ofNullable(structs.get(typeName));
  }

  /** {@code value} with its numbers in the types the schema declares for them. */
  static Object convert(JSONSchemaProps s, Object value) {
    if (value instanceof Number n && !Schemas.intOrString(s)) {
      return "number".equals(s.getType()) ? (Object) n.doubleValue() : (Object) n.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            JSONSchemaProps child = Schemas.property(s, (String) k);
            out.put((String) k, child == null ? v : convert(child, v));
          });
      return out;
    }
    if (value instanceof List<?> list && Schemas.items(s) != null) {
      return list.stream().map(v -> convert(Schemas.items(s), v)).toList();
    }
    return value;
  }
}
