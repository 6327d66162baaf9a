package io.scaledapi.operator.reconciler;

import java.util.List;

/** docs/bad-input.md, written from the rows of the bad-input table that BadInputIT proves. */
final class BadInputDoc {
  private BadInputDoc() {}

  static String markdown(List<BadInput> rows) {
    StringBuilder doc =
        new StringBuilder(
            """
            # Bad input: every mistake, where it is caught, and what you see

            Each entry is a row of `BadInputIT`, which makes the mistake and checks the exact words
            below: the schema's as kubectl prints them when it applies the object to a real
            kube-apiserver that has the generated CRD, the operator's on the same server against a
            real Prometheus. `BadInputDocTest` fails when this page and the rows differ. A mistake
            never changes the target's replicas.

            ## Caught by the schema, at `kubectl apply`

            The API server refuses the object; `kubectl apply -f sapi.yaml` prints the message. An
            object that reaches the operator without the schema (an older CRD, a client that skips
            validation) is checked again, and the operator reports the second message as `Ready`
            False, reason `InvalidSpec`.
            """);
    rows.stream()
        .filter(BadInput.Schema.class::isInstance)
        .map(BadInput.Schema.class::cast)
        .forEach(row -> doc.append(schemaEntry(row)));
    doc.append(
        """

        ## Caught by the operator, when it reconciles

        The schema lets these through. The ScaledApi gets the condition below, False, with the
        message, and one Warning event with the same message (one, not one per poll).
        `<namespace>` stands for the ScaledApi's namespace.
        """);
    rows.stream()
        .filter(BadInput.Condition.class::isInstance)
        .map(BadInput.Condition.class::cast)
        .forEach(row -> doc.append(conditionEntry(row)));
    return doc.toString();
  }

  private static String schemaEntry(BadInput.Schema row) {
    String bypass = "the operator reports `" + row.bypass() + "`";
    return "\n### "
        + row.name()
        + "\n\n```\n"
        + row.kubectl().strip()
        + "\n```\n\nWithout the schema, "
        + bypass
        + ".\n";
  }

  private static String conditionEntry(BadInput.Condition row) {
    BadInput.Expected expected = row.expected();
    return "\n### "
        + row.name()
        + "\n\n`"
        + expected.type()
        + "` False, reason `"
        + expected.reason()
        + "`, Warning event `"
        + expected.event()
        + "`:\n\n```\n"
        + expected.message().replace("{ns}", "<namespace>")
        + "\n```\n";
  }
}
