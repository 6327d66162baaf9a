package io.scaledapi.api.v1alpha1.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The structural checks of a custom resource against its OpenAPI schema, as kube-openapi's
 * pkg/validation/validate runs them (type, string, number, array, enum and object validators, with
 * their messages from pkg/validation/errors/schema.go), mapped to field errors as
 * apiextensions-apiserver's {@code kubeOpenAPIResultToFieldErrors} does (pkg/apiserver/validation/
 * validation.go). Versions of Kubernetes 1.31. Not covered: anyOf/allOf/oneOf/not, multipleOf,
 * uniqueItems, min/maxProperties (the ScaledApi schema uses none of them). Formats are not checked,
 * as the API server does not check those of the ScaledApi schema: it strips the formats it does not
 * support, int32 and int64 among them, before validating (StripUnsupportedFormatsPostProcess in
 * apiextensions-apiserver pkg/apiserver/validation/formats.go), so only maxima bound integers.
 */
final class OpenApiValidation {
  private final List<FieldError> errors = new ArrayList<>();

  private OpenApiValidation() {}

  static List<FieldError> validate(Map<String, Object> root, JSONSchemaProps schema) {
    OpenApiValidation v = new OpenApiValidation();
    v.object("", schema, root);
    return v.errors;
  }

  private void validate(String path, JSONSchemaProps s, Object value) {
    if (value == null) {
      if (s.getType() != null && !Boolean.TRUE.equals(s.getNullable())) {
        typeError(path, String.join(",", types(s)), "null");
      }
      return;
    }
    checkType(path, s, value);
    if (value instanceof String text) {
      string(path, s, text);
    } else if (value instanceof Long || value instanceof Double) {
      number(path, s, value);
    } else if (value instanceof List<?> list) {
      array(path, s, list);
    }
    enumeration(path, s, value);
    if (value instanceof Map<?, ?> map) {
      object(path, s, map);
    }
  }

  private void checkType(String path, JSONSchemaProps s, Object value) {
    List<String> types = types(s);
    if (types.isEmpty()) {
      return;
    }
    String actual = typeOf(value);
    boolean floatInt =
        actual.equals("number") && types.contains("integer") && isIntegral((Double) value);
    boolean intFloat = actual.equals("integer") && types.contains("number");
    if (!(types.contains(actual) || floatInt || intFloat)) {
      typeError(path, String.join(",", types), actual);
    }
  }

  private void typeError(String path, String expected, String actual) {
    errors.add(
        FieldError.typeInvalid(
            field(path),
            actual,
            path + " in body must be of type " + expected + ": " + GoText.quote(actual)));
  }

  private void string(String path, JSONSchemaProps s, String text) {
    int length = text.codePointCount(0, text.length());
    if (s.getMaxLength() != null && length > s.getMaxLength()) {
      errors.add(FieldError.tooLong(field(path), text, s.getMaxLength()));
    } else if (s.getMinLength() != null && length < s.getMinLength()) {
      invalid(path, text, "should be at least " + s.getMinLength() + " chars long");
    } else if (s.getPattern() != null && !Pattern.compile(s.getPattern()).matcher(text).find()) {
      invalid(path, text, "should match '" + s.getPattern() + "'");
    }
  }

  /** Minimum, then maximum; an integer is compared with the bound cut to an integer, as Go does. */
  private void number(String path, JSONSchemaProps s, Object value) {
    if ("integer".equals(s.getType()) && value instanceof Double d && !isIntegral(d)) {
      // IsValueValidAgainstRange's plain error, which the API server reports at the root
      errors.add(
          FieldError.invalid(
              "<nil>", "", "Checked value must be of type integer (default format) in " + path));
    }
    if (s.getMinimum() != null) {
      boolean exclusive = Boolean.TRUE.equals(s.getExclusiveMinimum());
      Bound min = Bound.of(value, s.getMinimum());
      if (exclusive ? min.compare() <= 0 : min.compare() < 0) {
        String than = exclusive ? "greater than " : "greater than or equal to ";
        invalid(path, value, "should be " + than + min.printed());
      }
    }
    if (s.getMaximum() != null) {
      boolean exclusive = Boolean.TRUE.equals(s.getExclusiveMaximum());
      Bound max = Bound.of(value, s.getMaximum());
      if (exclusive ? max.compare() >= 0 : max.compare() > 0) {
        String than = exclusive ? "less than " : "less than or equal to ";
        invalid(path, value, "should be " + than + max.printed());
      }
    }
  }

  /** A value and a bound compared in the value's type: int64 or float64. */
  private record Bound(double value, double bound, boolean integer) {
    static Bound of(Object value, double bound) {
      return value instanceof Long l
          ? new Bound(l, (long) bound, true)
          : new Bound((Double) value, bound, false);
    }

    int compare() {
      return Double.compare(value, bound);
    }

    String printed() {
      return integer ? Long.toString((long) bound) : GoText.floatValue(bound);
    }
  }

  private void array(String path, JSONSchemaProps s, List<?> list) {
    JSONSchemaProps items = Schemas.items(s);
    for (int i = 0; items != null && i < list.size(); i++) {
      validate(path + "[" + i + "]", items, list.get(i));
    }
    if (s.getMinItems() != null && list.size() < s.getMinItems()) {
      invalid(path, (long) list.size(), "should have at least " + s.getMinItems() + " items");
    }
    if (s.getMaxItems() != null && list.size() > s.getMaxItems()) {
      errors.add(FieldError.tooMany(field(path), list.size(), s.getMaxItems()));
    }
  }

  private void enumeration(String path, JSONSchemaProps s, Object value) {
    if (s.getEnum() == null || s.getEnum().isEmpty()) {
      return;
    }
    List<Object> allowed = s.getEnum().stream().map(Json::value).toList();
    if (allowed.stream().noneMatch(a -> Objects.equals(a, value))) {
      List<String> names =
          allowed.stream().map(a -> a instanceof String t ? t : Json.text(a)).toList();
      errors.add(FieldError.notSupported(field(path), value, names));
    }
  }

  private void object(String path, JSONSchemaProps s, Map<?, ?> map) {
    if (s.getProperties() != null) {
      s.getProperties()
          .forEach(
              (name, property) -> {
                if (map.containsKey(name)) {
                  validate(path.isEmpty() ? name : path + "." + name, property, map.get(name));
                }
              });
    }
    if (s.getAdditionalProperties() != null && s.getAdditionalProperties().getSchema() != null) {
      map.forEach(
          (key, value) -> {
            if (s.getProperties() == null || !s.getProperties().containsKey(key)) {
              validate(path + "." + key, s.getAdditionalProperties().getSchema(), value);
            }
          });
    }
    if (s.getRequired() != null) {
      s.getRequired().stream()
          .filter(name -> !map.containsKey(name))
          .forEach(name -> errors.add(FieldError.required(field(path + "." + name), "")));
    }
  }

  /** kube-openapi's message: {@code <name> in body <what>}; the error's value is the data. */
  private void invalid(String path, Object value, String what) {
    errors.add(FieldError.invalid(field(path), value, path + " in body " + what));
  }

  private static List<String> types(JSONSchemaProps s) {
    if (Schemas.intOrString(s)) {
      return List.of("integer", "string");
    }
    return s.getType() == null ? List.of() : List.of(s.getType());
  }

  private static String typeOf(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof List<?> ? "array" : "object";
  }

  private static boolean isIntegral(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d);
  }

  /** The field path of the error: the name without a leading dot (a required root field). */
  private static String field(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
