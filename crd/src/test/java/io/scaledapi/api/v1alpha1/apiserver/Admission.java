package io.scaledapi.api.v1alpha1.apiserver;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API server's answer to a create request: created (with the object as stored, defaults filled
 * in), 422 Invalid with its causes, or 400 BadRequest for unknown fields.
 *
 * @param stored the object as stored, when created
 * @param causes the causes of a 422 Invalid answer
 * @param unknownFields the fields strict decoding rejected, for a 400 BadRequest answer
 */
public record Admission(
    CrdSchema crd,
    String name,
    Map<String, Object> stored,
    List<FieldError> causes,
    List<String> unknownFields) {

  static Admission created(CrdSchema crd, String name, Map<String, Object> stored) {
    return new Admission(crd, name, stored, List.of(), List.of());
  }

  static Admission invalid(CrdSchema crd, String name, List<FieldError> causes) {
    return new Admission(crd, name, null, List.copyOf(causes), List.of());
  }

  static Admission badRequest(CrdSchema crd, String name, List<String> unknownFields) {
    return new Admission(crd, name, null, List.of(), List.copyOf(unknownFields));
  }

  public boolean accepted() {
    return stored != null;
  }

  /**
   * What {@code kubectl apply -f <source>} prints when it creates the object: nothing when the API
   * server accepts it; otherwise its error as kubectl's {@code checkErr} formats it (k8s.io/kubectl
   * pkg/cmd/util/helpers.go): for 422 Invalid, {@code The <Kind> "<name>" is invalid: } and the
   * distinct causes, one on the line or each on a line of its own after {@code * }; for 400
   * BadRequest, {@code Error from server (BadRequest): error when creating "<source>": } and the
   * server's message (k8s.io/apiserver pkg/endpoints/handlers/rest.go, {@code
   * transformDecodeError}; apimachinery's strictDecodingError).
   */
  public String kubectlApply(String source) {
    if (accepted()) {
      return "";
    }
    if (!unknownFields.isEmpty()) {
      String unknown =
          unknownFields.stream()
              .map(f -> "unknown field " + GoText.quote(f))
              .collect(Collectors.joining(", "));
      return String.format(
          "Error from server (BadRequest): error when creating %s: %s in version %s cannot be"
              + " handled as a %s: strict decoding error: %s\n",
          GoText.quote(source), crd.kind(), GoText.quote(crd.version()), crd.kind(), unknown);
    }
    Set<String> distinct = new LinkedHashSet<>();
    causes.forEach(c -> distinct.add(c.toString()));
    String prefix = "The " + crd.kind() + " " + GoText.quote(name) + " is invalid: ";
    if (distinct.size() == 1) {
      return prefix + distinct.iterator().next() + "\n";
    }
    return prefix
        + "\n"
        + distinct.stream().map(c -> "* " + c + "\n").collect(Collectors.joining());
  }
}
