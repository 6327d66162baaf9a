package io.scaledapi.operator.promql;

/**
 * PromQL as Prometheus 2.x reads it: {@link #parse} checks a query as the server would (syntax,
 * types, argument counts) and gives its tree; {@link #print} writes a tree back as a query.
 */
public final class PromQl {
  private PromQl() {}

  /**
   * The tree of {@code query}.
   *
   * @throws PromQlException if Prometheus would reject it; the message starts with line and column
   */
  public static Expr parse(String query) {
    return Parser.parse(query);
  }

  /** {@code expr} as a query on one line that parses back to the same tree. */
  public static String print(Expr expr) {
    return Printer.print(expr);
  }
}
