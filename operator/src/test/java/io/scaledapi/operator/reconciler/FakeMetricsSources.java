package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Instant;
import java.util.function.Function;

/** One source for every ScaledApi, answering each instant query with {@code answers}. */
final class FakeMetricsSources implements MetricsSources {
  private volatile Function<String, QueryResult> answers;

  FakeMetricsSources(Function<String, QueryResult> answers) {
    this.answers = answers;
  }

  void answer(Function<String, QueryResult> answers) {
    this.answers = answers;
  }

  /** Every query returns {@code value}, sampled at the time asked for. */
  static Function<String, QueryResult> constant(double value) {
    return query -> value(value, Instant.EPOCH);
  }

  static QueryResult value(double value, Instant at) {
    return Double.isFinite(value)
        ? new QueryResult.Value(value, at)
        : new QueryResult.NotFinite(value, at);
  }

  @Override
  public MetricsSource sourceFor(ScaledApi scaledApi) {
    return (query, time) -> answers.apply(query);
  }
}
