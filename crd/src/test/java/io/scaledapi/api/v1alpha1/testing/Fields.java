package io.scaledapi.api.v1alpha1.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Changes to one field of a decoded object, named by a path such as {@code spec.minReplicas} or
 * {@code spec.behavior.scaleUp.policies[0].type}; and the valid ScaledApi they start from.
 */
public final class Fields {
  private Fields() {}

  /**
   * A ScaledApi that sets every field once and that the API server accepts, named {@code api} in
   * namespace {@code shop}; a fresh copy on each call.
   */
  public static Map<String, Object> validScaledApi() {
    try (InputStream in = Fields.class.getResourceAsStream("valid-scaledapi.yaml")) {
      return Json.yaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the field at {@code path}, creating the objects on the way; returns {@code object}. */
  public static Map<String, Object> set(Map<String, Object> object, String path, Object value) {
    String[] parts = path.split("\\.");
    Object parent = object;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = child(parent, parts[i], true);
    }
    put(parent, parts[parts.length - 1], Json.copy(value));
    return object;
  }

  /** Removes the field at {@code path}; returns {@code object}. */
  public static Map<String, Object> remove(Map<String, Object> object, String path) {
    int dot = path.lastIndexOf('.');
    Object parent = object;
    for (String part : dot < 0 ? new String[0] : path.substring(0, dot).split("\\.")) {
      parent = child(parent, part, false);
    }
    asMap(parent).remove(path.substring(dot + 1));
    return object;
  }

  /** The value at {@code path}, or null. */
  public static Object get(Map<String, Object> object, String path) {
    Object value = object;
    for (String part : path.split("\\.")) {
      if (value == null) {
        return null;
      }
      value = child(value, part, false);
    }
    return value;
  }

  private static Object child(Object parent, String part, boolean create) {
    int bracket = part.indexOf('[');
    String key = bracket < 0 ? part : part.substring(0, bracket);
    Map<String, Object> map = asMap(parent);
    if (create && !map.containsKey(key)) {
      map.put(key, new java.util.LinkedHashMap<String, Object>());
    }
    Object value = map.get(key);
    if (bracket >= 0) {
      int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
      value = ((List<?>) value).get(index);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static void put(Object parent, String part, Object value) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      asMap(parent).put(part, value);
      return;
    }
    List<Object> list = (List<Object>) asMap(parent).get(part.substring(0, bracket));
    list.set(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)), value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not an object: " + value);
    }
    return (Map<String, Object>) value;
  }
}
