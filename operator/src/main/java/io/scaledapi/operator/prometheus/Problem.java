package io.scaledapi.operator.prometheus;

/** A failure before it is turned into the result type of the query that hit it. */
record Problem(FailureKind kind, int httpStatus, String errorType, String message) {

  /** The checks shared by every failure type: kind and message present, status not negative. */
  static void check(FailureKind kind, int httpStatus, String message) {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(message, "message");
    if (httpStatus < 0) {
      throw new IllegalArgumentException("negative HTTP status: " + httpStatus);
    }
  }

  /** The most characters of an error type kept. */
  static final int MAX_ERROR_TYPE = 64;

  /**
   * The problem as it may leave the client: credentials masked by {@code redaction} first, then the
   * text cut to length, so that no part of a secret survives the cut.
   */
  Problem leaving(Redaction redaction) {
    Problem masked = redaction.apply(this);
    return new Problem(
        kind,
        httpStatus,
        masked.errorType == null ? null : ResponseText.cut(masked.errorType, MAX_ERROR_TYPE),
        ResponseText.cut(masked.message));
  }

  QueryResult.Failure toQueryFailure() {
    return new QueryResult.Failure(kind, httpStatus, errorType, message);
  }

  RangeResult.Failure toRangeFailure() {
    return new RangeResult.Failure(kind, httpStatus, errorType, message);
  }
}
