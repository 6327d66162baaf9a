package io.scaledapi.api.v1alpha1.apiserver;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-kubernetes-validations} rules of a schema, compiled once by Google's CEL engine
 * against the types Kubernetes declares for {@code self}, and evaluated on an object the way
 * apiextensions-apiserver's pkg/apiserver/schema/cel/validation.go (Kubernetes 1.31) does: each
 * node's rules, then its children; a rule that is false gives a field error at the node's path
 * joined with the rule's {@code fieldPath}, whose value is the schema type of the node (such as
 * {@code "object"}) and whose kind follows the rule's {@code reason}. Kubernetes 1.35 and later
 * print such errors without the value: {@code spec.minReplicas: Invalid value: <message>}.
 *
 * <p>The rules use CEL's standard library only ({@code has}, {@code duration}, {@code matches},
 * {@code type}, {@code int}); a rule that needs one of Kubernetes' extension libraries fails to
 * compile here, and that library must then be added. Rules with {@code messageExpression} or {@code
 * oldSelf} (transition rules) are not supported: the ScaledApi CRD has none.
 */
final class CelValidation {
  private record Compiled(ValidationRule rule, CelRuntime.Program program, String fieldPath) {}

  private final Map<JSONSchemaProps, List<Compiled>> rules = new IdentityHashMap<>();

  /** Compiles every rule of {@code root}; fails naming each rule that does not compile. */
  CelValidation(JSONSchemaProps root) {
    CelTypes types = new CelTypes(root);
    List<String> problems = new ArrayList<>();
    compileAll(root, "", types, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the CRD's validation rules do not compile:\n" + String.join("\n", problems));
    }
  }

  /** How many rules the schema has. */
  int size() {
    return rules.values().stream().mapToInt(List::size).sum();
  }

  private void compileAll(JSONSchemaProps s, String path, CelTypes types, List<String> problems) {
    if (s.getXKubernetesValidations() != null && !s.getXKubernetesValidations().isEmpty()) {
      Cel cel =
          CelFactory.standardCelBuilder()
              .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
              .setTypeProvider(types)
              .addVar("self", types.of(s))
              .setResultType(SimpleType.BOOL)
              .build();
      List<Compiled> compiled = new ArrayList<>();
      for (ValidationRule rule : s.getXKubernetesValidations()) {
        if (rule.getMessageExpression() != null || rule.getRule().contains("oldSelf")) {
          problems.add(path + ": messageExpression and oldSelf are not supported: " + rule);
          continue;
        }
        try {
          CelRuntime.Program program = cel.createProgram(cel.compile(rule.getRule()).getAst());
          compiled.add(new Compiled(rule, program, normalized(rule.getFieldPath())));
        } catch (CelValidationException e) {
          problems.add(path + ": " + e.getMessage());
        } catch (RuntimeException | CelEvaluationException e) {
          problems.add(path + ": " + e);
        }
      }
      rules.put(s, compiled);
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach((k, v) -> compileAll(v, join(path, k), types, problems));
    }
    if (Schemas.items(s) != null) {
      compileAll(Schemas.items(s), path + "[*]", types, problems);
    }
    if (s.getAdditionalProperties() != null && s.getAdditionalProperties().getSchema() != null) {
      compileAll(s.getAdditionalProperties().getSchema(), path + "[*]", types, problems);
    }
  }

  /** The field errors of every rule that does not hold on {@code root}. */
  List<FieldError> validate(Map<String, Object> root, JSONSchemaProps schema) {
    List<FieldError> errors = new ArrayList<>();
    validate("", schema, root, errors);
    return errors;
  }

  private void validate(String path, JSONSchemaProps s, Object value, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    for (Compiled c : rules.getOrDefault(s, List.of())) {
      evaluate(path, s, value, c, errors);
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            JSONSchemaProps child = Schemas.property(s, (String) k);
            if (child != null) {
              validate(join(path, (String) k), child, v, errors);
            }
          });
    } else if (value instanceof List<?> list && Schemas.items(s) != null) {
      for (int i = 0; i < list.size(); i++) {
        validate(path + "[" + i + "]", Schemas.items(s), list.get(i), errors);
      }
    }
  }

  private static void evaluate(
      String path, JSONSchemaProps s, Object value, Compiled c, List<FieldError> errors) {
    String type = Schemas.intOrString(s) ? "" : s.getType();
    String message =
        c.rule().getMessage() == null || c.rule().getMessage().isBlank()
            ? "failed rule: " + c.rule().getRule().strip()
            : c.rule().getMessage().strip();
    Object result;
    try {
      result = c.program().eval(Map.of("self", CelTypes.convert(s, value)));
    } catch (CelEvaluationException e) {
      errors.add(
          FieldError.invalid(printed(path), type, e.getMessage() + " evaluating rule: " + message));
      return;
    }
    if (Boolean.TRUE.equals(result)) {
      return;
    }
    String field = printed(c.fieldPath().isEmpty() ? path : join(path, c.fieldPath()));
    String reason = c.rule().getReason() == null ? "" : c.rule().getReason();
    errors.add(
        switch (reason) {
          case "FieldValueRequired" -> FieldError.required(field, message);
          case "FieldValueForbidden" ->
              new FieldError(FieldError.Type.FORBIDDEN, field, "", message);
          case "FieldValueDuplicate" ->
              new FieldError(FieldError.Type.DUPLICATE, field, type, null);
          default -> FieldError.invalid(field, type, message);
        });
  }

  /** A rule's fieldPath relative to its node, without the leading dot. */
  private static String normalized(String fieldPath) {
    return fieldPath == null ? "" : fieldPath.replaceFirst("^\\.", "");
  }

  private static String join(String path, String child) {
    return path.isEmpty() ? child : path + "." + child;
  }

  /** A path as {@code field.Path} prints it; the root, a nil path, prints as {@code <nil>}. */
  private static String printed(String path) {
    return path.isEmpty() ? "<nil>" : path;
  }
}
