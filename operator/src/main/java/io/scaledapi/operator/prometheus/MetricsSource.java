package io.scaledapi.operator.prometheus;

import java.time.Instant;

/** Something that evaluates a PromQL expression to a single number; implemented by the client. */
@FunctionalInterface
public interface MetricsSource {

  /**
   * Evaluates {@code promql} at {@code time}.
   *
   * @return the outcome; never {@code null} and never thrown
   */
  QueryResult query(String promql, Instant time);
}
