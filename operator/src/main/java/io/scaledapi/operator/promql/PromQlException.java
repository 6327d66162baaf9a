package io.scaledapi.operator.promql;

/**
 * A query that is not valid PromQL, or that may not be sent. The message starts with the line and
 * column of the problem, e.g. {@code 1:12: unexpected "}"}.
 */
public final class PromQlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  PromQlException(String query, int position, String problem) {
    super(location(query, position) + ": " + problem);
    this.position = position;
  }

  /** Offset of the problem in the query, from 0. */
  public int position() {
    return position;
  }

  /** {@code line:column} of {@code position}, both from 1. */
  static String location(String query, int position) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(Math.max(position, 0), query.length());
    for (int i = 0; i < end; i++) {
      if (query.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (end - lineStart + 1);
  }
}
