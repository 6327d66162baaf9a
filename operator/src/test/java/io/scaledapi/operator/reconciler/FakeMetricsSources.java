package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One source for every ScaledApi, answering each instant query as the test says: a value (sampled
 * at the time asked, as an instant query is), a failure, or whatever a function answers; a query
 * nobody set returns no series. It can also refuse its configuration (a missing Secret) or some of
 * a ScaledApi's queries (an allow-list), and it records every query asked.
 */
final class FakeMetricsSources implements MetricsSources {
  private final Map<String, Function<Instant, QueryResult>> byQuery = new HashMap<>();
  private Function<String, QueryResult> otherwise = query -> new QueryResult.Empty();
  private String configurationProblem;
  private List<String> problems = List.of();
  private final List<String> asked = new ArrayList<>();

  FakeMetricsSources() {}

  /** Every query is answered by {@code answers}, unless set on its own. */
  FakeMetricsSources(Function<String, QueryResult> answers) {
    this.otherwise = answers;
  }

  /** {@code query} returns {@code value}, sampled at the time asked. */
  void value(String query, double value) {
    byQuery.put(query, time -> value(value, time));
  }

  /** {@code query} returns {@code result}. */
  void answer(String query, QueryResult result) {
    byQuery.put(query, time -> result);
  }

  /** Every query not set on its own is answered by {@code answers}. */
  void answer(Function<String, QueryResult> answers) {
    this.otherwise = answers;
  }

  /** The source cannot be configured, for {@code message}; null to fix it. */
  void failConfiguration(String message) {
    this.configurationProblem = message;
  }

  /** The source would refuse some queries of every ScaledApi, for these problems. */
  void refuse(List<String> problems) {
    this.problems = List.copyOf(problems);
  }

  /** Every query asked, in order. */
  List<String> asked() {
    return List.copyOf(asked);
  }

  /** Every query returns {@code value}, sampled at the epoch. */
  static Function<String, QueryResult> constant(double value) {
    return query -> value(value, Instant.EPOCH);
  }

  /** What Prometheus returns for a sample of {@code value}: a value, or not finite. */
  static QueryResult value(double value, Instant at) {
    return Double.isFinite(value)
        ? new QueryResult.Value(value, at)
        : new QueryResult.NotFinite(value, at);
  }

  @Override
  public MetricsSource sourceFor(ScaledApi scaledApi) {
    if (configurationProblem != null) {
      throw new SourceConfigurationException(configurationProblem);
    }
    return (query, time) -> {
      asked.add(query);
      Function<Instant, QueryResult> set = byQuery.get(query);
      return set != null ? set.apply(time) : otherwise.apply(query);
    };
  }

  @Override
  public List<String> problems(ScaledApi scaledApi) {
    return problems;
  }
}
