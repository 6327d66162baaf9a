package io.scaledapi.operator.prometheus;

import java.util.List;

/** Outcome of a range query. Errors are values of this type too, never exceptions. */
public sealed interface RangeResult {

  /** One line for humans, fit for a status condition or an event. */
  String describe();

  /** The series found; empty if the query matched nothing. */
  record Series(List<RangeSeries> series) implements RangeResult {

    /** Copies the list. */
    public Series {
      series = List.copyOf(series);
    }

    @Override
    public String describe() {
      return series.isEmpty()
          ? "query returned no data"
          : "query returned " + series.size() + " series";
    }
  }

  /**
   * No usable answer; the fields mean the same as in {@link QueryResult.Failure}.
   *
   * @param kind what went wrong
   * @param httpStatus the HTTP status, or 0 if no response was received
   * @param errorType Prometheus's {@code errorType}, or {@code null}
   * @param message Prometheus's own error text, or a short explanation or excerpt
   */
  record Failure(FailureKind kind, int httpStatus, String errorType, String message)
      implements RangeResult {

    /** Checks the fields. */
    public Failure {
      Problem.check(kind, httpStatus, message);
    }

    @Override
    public String describe() {
      return Descriptions.failure(kind, httpStatus, errorType, message);
    }
  }
}
