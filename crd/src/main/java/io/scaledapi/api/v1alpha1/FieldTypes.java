package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a field of the API types must hold, in words, from its Java type and its schema bounds:
 * {@code a whole number from 1 to 100000}, {@code one of DryRun, Enforce}.
 */
final class FieldTypes {
  private FieldTypes() {}

  /**
   * What the field at {@code path} under {@code root} must be; null when there is no such field.
   */
  static String expected(Class<?> root, List<Reference> path) {
    Type type = root;
    RecordComponent component = null;
    for (Reference r : path) {
      if (r.getFieldName() != null) {
        component = component(type, r.getFieldName());
        if (component == null) {
          return null;
        }
        type = component.getGenericType();
      } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
        type = list.getActualTypeArguments()[0];
        component = null;
      } else {
        return null;
      }
    }
    return words(type, component);
  }

  private static RecordComponent component(Type type, String name) {
    if (!(type instanceof Class<?> c) || !c.isRecord()) {
      return null;
    }
    return Arrays.stream(c.getRecordComponents())
        .filter(rc -> rc.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String words(Type type, RecordComponent component) {
    if (type == Integer.class) {
      return "a whole number" + range(component, true);
    }
    if (type == Double.class) {
      return "a number" + range(component, false);
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == IntOrString.class) {
      return "a whole number up to 2147483647 or a string";
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return "one of "
          + Arrays.stream(c.getFields())
              .filter(Field::isEnumConstant)
              .map(
                  f ->
                      f.isAnnotationPresent(JsonProperty.class)
                          ? f.getAnnotation(JsonProperty.class).value()
                          : f.getName())
              .sorted()
              .collect(Collectors.joining(", "));
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return "a list";
    }
    return "an object";
  }

  /** {@code " from 1 to 100000"}, {@code " greater than 0"}; empty without bounds. */
  private static String range(RecordComponent component, boolean whole) {
    if (component == null) {
      return "";
    }
    Min min = annotation(component, Min.class);
    Max max = annotation(component, Max.class);
    if (min != null && max != null && min.inclusive() && max.inclusive()) {
      return " from " + number(min.value(), whole) + " to " + number(max.value(), whole);
    }
    String lower =
        min == null
            ? ""
            : (min.inclusive() ? " of at least " : " greater than ") + number(min.value(), whole);
    String upper =
        max == null
            ? ""
            : (min == null ? " of" : " and")
                + (max.inclusive() ? " at most " : " less than ")
                + number(max.value(), whole);
    return lower + upper;
  }

  /** A schema annotation of the component, which Java puts on its accessor. */
  private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
    return component.getAccessor().getAnnotation(type);
  }

  private static String number(double value, boolean whole) {
    return whole
        ? Long.toString((long) value)
        : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
