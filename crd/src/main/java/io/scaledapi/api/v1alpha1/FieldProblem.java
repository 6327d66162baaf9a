package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The problem of one spec field that could not be read, in the words of the validator: the field,
 * what it must be, and what it was ({@code spec.maxReplicas must be a whole number from 1 to
 * 100000; got 3000000000}), or, for a field the API does not have, the field it may be a
 * misspelling of.
 */
final class FieldProblem {
  /** The longest name or value quoted in a problem. */
  private static final int MAX_LENGTH = 60;

  private FieldProblem() {}

  static String describe(JsonMappingException e, JsonNode spec) {
    List<Reference> path = e.getPath();
    String field = path(path);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(field, path, unknown.getKnownPropertyIds());
    }
    String expected = FieldTypes.expected(ScaledApiSpec.class, path);
    JsonNode value = at(spec, path);
    return field
        + (expected == null ? " cannot be read" : " must be " + expected)
        + (value == null ? "" : "; got " + text(value));
  }

  private static String unknownField(String field, List<Reference> path, Collection<Object> known) {
    String name = path.get(path.size() - 1).getFieldName();
    String parent = path(path.subList(0, path.size() - 1)) + ".";
    String similar =
        known.stream()
            .map(Object::toString)
            .filter(k -> distance(k, name) <= 2)
            .min(Comparator.comparingInt(k -> distance(k, name)))
            .orElse(null);
    return similar == null
        ? field
            + " is not a ScaledApi field; remove it, or upgrade the operator if a newer CRD added it"
        : field + " is not a ScaledApi field; did you mean " + parent + similar + "?";
  }

  private static int distance(String a, String b) {
    return Spelling.distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }

  /** {@code spec.behavior.scaleUp.policies[0].type}, each name cut short when long. */
  static String path(List<Reference> path) {
    StringBuilder text = new StringBuilder("spec");
    for (Reference r : path) {
      text.append(
          r.getFieldName() != null ? "." + shortened(r.getFieldName()) : "[" + r.getIndex() + "]");
    }
    return text.toString();
  }

  /** A value as JSON, cut short when long. */
  static String text(JsonNode value) {
    return shortened(value.toString());
  }

  private static String shortened(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
  }

  private static JsonNode at(JsonNode node, List<Reference> path) {
    for (Reference r : path) {
      if (node == null) {
        return null;
      }
      node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
    }
    return node;
  }

  /**
   * Removes the field holding the unreadable value (for a list element, the whole list), so that
   * the rest can be read; false when there is none to remove.
   */
  static boolean removeField(ObjectNode spec, List<Reference> path) {
    int last = -1;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).getFieldName() != null) {
        last = i;
      }
    }
    if (last < 0) {
      return false;
    }
    JsonNode parent = at(spec, path.subList(0, last));
    return parent instanceof ObjectNode object
        && Objects.nonNull(object.remove(path.get(last).getFieldName()));
  }
}
