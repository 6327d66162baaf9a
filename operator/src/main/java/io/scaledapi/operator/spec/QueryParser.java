package io.scaledapi.operator.spec;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.promql.Expr;
import io.scaledapi.operator.promql.PromQl;
import io.scaledapi.operator.promql.PromQlException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Parses each query of a spec once, as Prometheus would, and confines it when isolation is on. Each
 * problem names the field that holds the query.
 */
final class QueryParser {
  private final Optional<UnaryOperator<Expr>> confinement;

  /**
   * @param confinement rewrites a query to its namespace's series, or throws {@link
   *     IllegalArgumentException} saying why it cannot
   */
  QueryParser(Optional<UnaryOperator<Expr>> confinement) {
    this.confinement = confinement;
  }

  /** The queries to send; blank or missing ones (reported elsewhere) are left out. */
  SignalQueries queries(ScaledApiSpec spec, List<String> problems) {
    Optional<String> queue =
        spec.queue() == null
            ? Optional.empty()
            : query("spec.queue.query", spec.queue().query(), problems);
    Optional<String> latency =
        spec.latency() == null
            ? Optional.empty()
            : query("spec.latency.query", spec.latency().query(), problems);
    Optional<String> arrivalRate =
        spec.arrivalRate() == null
            ? Optional.empty()
            : query("spec.arrivalRate.query", spec.arrivalRate().query(), problems);
    Optional<String> servedRate =
        spec.servedRate() == null
            ? Optional.empty()
            : query("spec.servedRate.query", spec.servedRate().query(), problems);
    return new SignalQueries(queue.orElse(""), latency, arrivalRate, servedRate);
  }

  private Optional<String> query(String field, String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Expr parsed;
    try {
      parsed = PromQl.parse(text);
    } catch (PromQlException e) {
      problems.add(field + " is not valid PromQL: " + e.getMessage());
      return Optional.empty();
    }
    if (confinement.isEmpty()) {
      return Optional.of(text);
    }
    try {
      return Optional.of(PromQl.print(confinement.get().apply(parsed)));
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
