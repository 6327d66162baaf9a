package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.promql.PromQl;
import io.scaledapi.operator.promql.PromQlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PromQL queries of a ScaledApi, by the field that holds each. */
final class SpecQueries {
  private SpecQueries() {}

  /** Field path to query, for every query the spec sets, in spec order. */
  static Map<String, String> of(ScaledApiSpec spec) {
    Map<String, String> queries = new LinkedHashMap<>();
    if (spec == null) {
      return queries;
    }
    if (spec.queue() != null) {
      put(queries, "spec.queue.query", spec.queue().query());
    }
    if (spec.latency() != null) {
      put(queries, "spec.latency.query", spec.latency().query());
    }
    if (spec.arrivalRate() != null) {
      put(queries, "spec.arrivalRate.query", spec.arrivalRate().query());
    }
    return queries;
  }

  /** Adds a problem for each query Prometheus would reject as PromQL, naming its field. */
  static void checkSyntax(ScaledApiSpec spec, List<String> problems) {
    of(spec)
        .forEach(
            (field, query) -> {
              try {
                PromQl.parse(query);
              } catch (PromQlException e) {
                problems.add(field + " is not valid PromQL: " + e.getMessage());
              }
            });
  }

  private static void put(Map<String, String> queries, String field, String query) {
    if (query != null && !query.isBlank()) {
      queries.put(field, query);
    }
  }
}
