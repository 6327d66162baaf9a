package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Walks a record type and its schema together and checks each integer: {@code format: int32} and a
 * maximum of at most 2147483647 for an {@code Integer}, {@code format: int64} for a {@code Long}.
 */
final class IntegerFields {
  private IntegerFields() {}

  /** Checks the integers under {@code schema}, the schema of {@code type}; adds their paths. */
  static void check(String path, JSONSchemaProps schema, Class<?> type, List<String> seen) {
    for (RecordComponent component : type.getRecordComponents()) {
      JSONSchemaProps property = schema.getProperties().get(component.getName());
      if (property != null) {
        check(path + "." + component.getName(), property, component.getGenericType(), seen);
      }
    }
  }

  private static void check(String path, JSONSchemaProps schema, Type type, List<String> seen) {
    if (type == Integer.class) {
      seen.add(path);
      assertThat(schema.getType()).as(path).isEqualTo("integer");
      assertThat(schema.getFormat()).as("format of %s", path).isEqualTo("int32");
      assertThat(schema.getMaximum()).as("maximum of %s", path).isNotNull();
      assertThat(schema.getMaximum()).as("maximum of %s", path).isLessThanOrEqualTo(2147483647.0);
    } else if (type == Long.class) {
      seen.add(path);
      assertThat(schema.getFormat()).as("format of %s", path).isEqualTo("int64");
    } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      check(path + "[]", schema.getItems().getSchema(), list.getActualTypeArguments()[0], seen);
    } else if (type instanceof Class<?> c && c.isRecord()) {
      check(path, schema, c, seen);
    }
  }
}
