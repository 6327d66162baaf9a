package io.scaledapi.api.v1alpha1.apiserver;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One cause of a rejected request, printed as Kubernetes 1.31 prints a {@code field.Error}
 * (k8s.io/apimachinery pkg/util/validation/field/errors.go, {@code Error()} and {@code
 * ErrorBody()}): {@code <field>: <type>[: <value>][: <detail>]}, the value left out for Required,
 * Forbidden and Too long, a string value quoted with {@code %q}, a number printed with {@code %v}.
 *
 * @param value the bad value: a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or
 *     {@link Integer}, or {@code null}, printed as {@code "null"}
 */
public record FieldError(Type type, String field, Object value, String detail) {

  /** The kinds of {@code field.ErrorType} the CRD validation produces. */
  public enum Type {
    REQUIRED("Required value", true),
    INVALID("Invalid value", false),
    TYPE_INVALID("Invalid value", true),
    NOT_SUPPORTED("Unsupported value", true),
    FORBIDDEN("Forbidden", false),
    DUPLICATE("Duplicate value", false),
    TOO_LONG("Too long", true),
    TOO_MANY("Too many", true);

    private final String text;
    private final boolean blocking;

    Type(String text, boolean blocking) {
      this.text = text;
      this.blocking = blocking;
    }

    /**
     * Whether the API server skips the CEL rules after such an error: the types listed in {@code
     * hasBlockingErr} of apiextensions-apiserver pkg/registry/customresource/strategy.go.
     */
    public boolean blocking() {
      return blocking;
    }
  }

  /** The cause the API server adds in place of the CEL rules it skipped. */
  static final FieldError RULES_NOT_CHECKED =
      new FieldError(
          Type.INVALID,
          "<nil>",
          null,
          "some validation rules were not checked because the object was invalid; correct the"
              + " existing errors to complete validation");

  static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, "", detail);
  }

  static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  static FieldError typeInvalid(String field, Object value, String detail) {
    return new FieldError(Type.TYPE_INVALID, field, value, detail);
  }

  /** {@code field.NotSupported}: the detail lists the allowed values, each quoted. */
  static FieldError notSupported(String field, Object value, List<String> allowed) {
    return new FieldError(
        Type.NOT_SUPPORTED,
        field,
        value,
        "supported values: "
            + allowed.stream().map(GoText::quote).collect(Collectors.joining(", ")));
  }

  static FieldError tooMany(String field, int actual, long max) {
    return new FieldError(Type.TOO_MANY, field, actual, "must have at most " + max + " items");
  }

  static FieldError tooLong(String field, Object value, long max) {
    return new FieldError(Type.TOO_LONG, field, value, "may not be longer than " + max);
  }

  /** The part after the field: {@code ErrorBody()}. */
  public String body() {
    String body =
        switch (type) {
          case REQUIRED, FORBIDDEN, TOO_LONG -> type.text;
          default -> type.text + ": " + printed(value);
        };
    return detail == null || detail.isEmpty() ? body : body + ": " + detail;
  }

  private static String printed(Object value) {
    if (value == null) {
      return GoText.quote("null");
    }
    return value instanceof String s ? GoText.quote(s) : GoText.value(value);
  }

  @Override
  public String toString() {
    return field + ": " + body();
  }
}
