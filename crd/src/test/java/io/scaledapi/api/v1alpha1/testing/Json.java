package io.scaledapi.api.v1alpha1.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects as the API server decodes a request body: maps, lists, strings, booleans, and numbers as
 * {@link Long} when they are written without a fraction and {@link Double} otherwise, as Go's
 * {@code int64} and {@code float64}.
 */
public final class Json {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private Json() {}

  /** One YAML document, as an object. */
  public static Map<String, Object> yaml(String text) {
    try {
      return YAML.readValue(text, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a YAML object: " + e.getOriginalMessage(), e);
    }
  }

  /** A Java object (such as a custom resource) as the JSON a client would send. */
  public static Map<String, Object> of(Object resource) {
    try {
      return JSON.readValue(JSON.writeValueAsString(resource), OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + resource + " as JSON", e);
    }
  }

  /** The object as JSON text. */
  public static String text(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A deep copy of a decoded value, with mutable maps and lists, and Java's smaller integer types
   * widened to {@link Long}.
   */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return (T) Long.valueOf(((Number) value).longValue());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, copy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(copy(v)));
      return (T) copy;
    }
    return value;
  }
}
