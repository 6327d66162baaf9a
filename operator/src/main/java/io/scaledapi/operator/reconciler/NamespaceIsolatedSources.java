package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.FailureKind;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.prometheus.RangeResult;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Confines every query a ScaledApi sends, instant or range, to the series of its own namespace, so
 * that one tenant cannot read another's metrics through the operator's access to Prometheus. A
 * query that cannot be confined is never sent: it fails as rejected, and {@link #problems} names it
 * for the ScaledApi's status.
 */
final class NamespaceIsolatedSources implements MetricsSources {
  private final MetricsSources delegate;
  private final NamespaceIsolation isolation;

  NamespaceIsolatedSources(MetricsSources delegate, NamespaceIsolation isolation) {
    this.delegate = delegate;
    this.isolation = isolation;
  }

  @Override
  public MetricsSource sourceFor(ScaledApi scaledApi) {
    return new Confined(delegate.sourceFor(scaledApi), scaledApi.getMetadata().getNamespace());
  }

  @Override
  public List<String> problems(ScaledApi scaledApi) {
    List<String> problems = new ArrayList<>(delegate.problems(scaledApi));
    String namespace = scaledApi.getMetadata().getNamespace();
    SpecQueries.of(scaledApi.getSpec())
        .forEach(
            (field, query) -> {
              try {
                isolation.rewrite(query, namespace);
              } catch (IllegalArgumentException e) {
                problems.add(field + ": " + e.getMessage());
              }
            });
    return problems;
  }

  /** A source that sends only confined queries. */
  private final class Confined implements MetricsSource {
    private final MetricsSource source;
    private final String namespace;

    Confined(MetricsSource source, String namespace) {
      this.source = source;
      this.namespace = namespace;
    }

    @Override
    public QueryResult query(String promql, Instant time) {
      return confined(
          promql,
          query -> source.query(query, time),
          refusal -> new QueryResult.Failure(FailureKind.QUERY_REJECTED, 0, null, refusal));
    }

    @Override
    public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
      return confined(
          promql,
          query -> source.queryRange(query, start, end, step),
          refusal -> new RangeResult.Failure(FailureKind.QUERY_REJECTED, 0, null, refusal));
    }

    /** Sends {@code promql} confined to the namespace, or answers the refusal without sending. */
    private <R> R confined(String promql, Function<String, R> send, Function<String, R> refused) {
      String confined;
      try {
        confined = isolation.rewrite(promql, namespace);
      } catch (IllegalArgumentException e) {
        return refused.apply(e.getMessage());
      }
      return send.apply(confined);
    }
  }
}
