package io.scaledapi.operator.prometheus;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Outcome of an instant query that is expected to yield exactly one number. Errors from the network
 * or from Prometheus are values of this type too, never exceptions.
 */
public sealed interface QueryResult {

  /** One line for humans, fit for a status condition or an event. */
  String describe();

  /** One series, or a scalar, with a finite value. */
  record Value(double value, Instant timestamp) implements QueryResult {

    /** Requires a finite value; use {@link NotFinite} otherwise. */
    public Value {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("not a finite value: " + value);
      }
      Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String describe() {
      return "query returned " + Descriptions.number(value);
    }
  }

  /** The query matched no series; never to be read as 0. */
  record Empty() implements QueryResult {
    @Override
    public String describe() {
      return "query returned no series; check the metric name and labels (no data is not read"
          + " as 0)";
    }
  }

  /** One series, or a scalar, whose value is NaN or infinite. */
  record NotFinite(double value, Instant timestamp) implements QueryResult {

    /** Requires a value that is not finite; use {@link Value} otherwise. */
    public NotFinite {
      if (Double.isFinite(value)) {
        throw new IllegalArgumentException("value is finite: " + value);
      }
      Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String describe() {
      return "query returned " + Descriptions.number(value) + "; it must return a finite number";
    }
  }

  /**
   * The query matched more than one series; holds their label sets, each sorted by name, or the
   * first of them when there were {@code more} than the client reads.
   */
  record MultipleSeries(List<Map<String, String>> labelSets, boolean more) implements QueryResult {

    /** Copies the label sets; there must be at least two. */
    public MultipleSeries {
      if (labelSets.size() < 2) {
        throw new IllegalArgumentException("needs at least two series, got " + labelSets.size());
      }
      labelSets =
          labelSets.stream()
              .map(labels -> Collections.unmodifiableMap(new TreeMap<>(labels)))
              .toList();
    }

    /** All the series the query matched. */
    public MultipleSeries(List<Map<String, String>> labelSets) {
      this(labelSets, false);
    }

    @Override
    public String describe() {
      return describe("query");
    }

    /**
     * What is wrong, with {@code what} (the query, or the field holding it) as the subject: how
     * many series came back, the labels that tell them apart, and the fix.
     */
    public String describe(String what) {
      return what
          + " returned "
          + (more ? "more than " : "")
          + labelSets.size()
          + " series, differing in "
          + Descriptions.differingLabels(labelSets, 3)
          + "; it must return one: wrap it in sum(...), or narrow its label matchers to one"
          + " series";
    }
  }

  /**
   * No usable answer.
   *
   * @param kind what went wrong
   * @param httpStatus the HTTP status, or 0 if no response was received
   * @param errorType Prometheus's {@code errorType} (such as {@code bad_data}), or {@code null}
   * @param message Prometheus's own error text when it sent one, otherwise a short explanation or
   *     an excerpt of the response
   */
  record Failure(FailureKind kind, int httpStatus, String errorType, String message)
      implements QueryResult {

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
