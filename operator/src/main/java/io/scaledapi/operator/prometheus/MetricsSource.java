package io.scaledapi.operator.prometheus;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that evaluates PromQL; implemented by the client. Instant queries are the one abstract
 * method, so a lambda is a source; range queries are optional.
 */
@FunctionalInterface
public interface MetricsSource {

  /**
   * Evaluates {@code promql} at {@code time}.
   *
   * @return the outcome; never {@code null} and never thrown
   */
  QueryResult query(String promql, Instant time);

  /**
   * Evaluates {@code promql} from {@code start} to {@code end} (inclusive) every {@code step}. This
   * default answers that the source does not support range queries.
   *
   * @return the outcome; never {@code null} and never thrown
   */
  default RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
    return new RangeResult.Failure(
        FailureKind.QUERY_REJECTED, 0, null, "range queries are not supported by this source");
  }
}
