package io.scaledapi.operator.prometheus;

/** Why a request to Prometheus produced no usable result. */
public enum FailureKind {
  /** No connection could be made or it broke: refused, unknown host, TLS failure, reset. */
  CONNECTION,
  /** No complete answer within the endpoint's timeout (or the caller was interrupted). */
  TIMEOUT,
  /** Prometheus, or something in front of it, answered with an unexpected HTTP status. */
  HTTP,
  /**
   * Prometheus refused the query (bad syntax, execution error), or the query yields a type that
   * cannot be used, such as a range vector or a string.
   */
  QUERY_REJECTED,
  /** The answer could not be read: not JSON, or not shaped like a Prometheus API response. */
  BAD_RESPONSE
}
