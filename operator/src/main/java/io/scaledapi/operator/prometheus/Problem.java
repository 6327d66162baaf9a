package io.scaledapi.operator.prometheus;

/** A failure before it is turned into the result type of the query that hit it. */
record Problem(FailureKind kind, int httpStatus, String errorType, String message) {

  QueryResult.Failure toQueryFailure() {
    return new QueryResult.Failure(kind, httpStatus, errorType, message);
  }

  RangeResult.Failure toRangeFailure() {
    return new RangeResult.Failure(kind, httpStatus, errorType, message);
  }
}
