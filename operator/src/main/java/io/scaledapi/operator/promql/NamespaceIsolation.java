package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.Aggregation;
import io.scaledapi.operator.promql.Expr.Binary;
import io.scaledapi.operator.promql.Expr.Call;
import io.scaledapi.operator.promql.Expr.LabelMatcher;
import io.scaledapi.operator.promql.Expr.MatrixSelector;
import io.scaledapi.operator.promql.Expr.Paren;
import io.scaledapi.operator.promql.Expr.Subquery;
import io.scaledapi.operator.promql.Expr.Unary;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Confines queries to one namespace's series: every vector selector, wherever it stands (in ranges,
 * subqueries, function arguments, aggregations, either side of an operator), gets the matcher
 * {@code <label>="<namespace>"}. A selector that already has exactly that matcher keeps it as it
 * is; one with any other matcher on the label is refused, since it asks for series the namespace
 * may not read.
 *
 * @param label the series label that holds the namespace, usually {@code namespace}
 */
public record NamespaceIsolation(String label) {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * @throws IllegalArgumentException if {@code label} is not a Prometheus label name
   */
  public NamespaceIsolation {
    if (label == null || !LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
      throw new IllegalArgumentException(
          "the namespace label must be a Prometheus label name such as namespace or"
              + " kubernetes_namespace; got \""
              + label
              + "\"");
    }
  }

  /**
   * {@code query} with every selector confined to {@code namespace}.
   *
   * @throws PromQlException if it is not valid PromQL
   * @throws IllegalArgumentException if a selector names another namespace; the message names the
   *     selector and the fix
   */
  public String rewrite(String query, String namespace) {
    return PromQl.print(rewrite(PromQl.parse(query), namespace));
  }

  /** {@code expr} with every selector confined to {@code namespace}. */
  public Expr rewrite(Expr expr, String namespace) {
    if (expr instanceof VectorSelector vs) {
      return confine(vs, namespace);
    } else if (expr instanceof MatrixSelector m) {
      return new MatrixSelector(confine(m.selector(), namespace), m.range());
    } else if (expr instanceof Subquery s) {
      return new Subquery(rewrite(s.expr(), namespace), s.range(), s.step(), s.offset(), s.at());
    } else if (expr instanceof Call c) {
      return new Call(c.function(), all(c.args(), namespace));
    } else if (expr instanceof Aggregation a) {
      Expr param = a.param() == null ? null : rewrite(a.param(), namespace);
      return new Aggregation(a.op(), param, rewrite(a.expr(), namespace), a.grouping());
    } else if (expr instanceof Binary b) {
      return new Binary(
          b.op(),
          rewrite(b.lhs(), namespace),
          rewrite(b.rhs(), namespace),
          b.returnBool(),
          b.matching());
    } else if (expr instanceof Unary u) {
      return new Unary(u.op(), rewrite(u.expr(), namespace));
    } else if (expr instanceof Paren p) {
      return new Paren(rewrite(p.expr(), namespace));
    }
    return expr; // number and string literals select no series
  }

  private List<Expr> all(List<Expr> exprs, String namespace) {
    return exprs.stream().map(e -> rewrite(e, namespace)).toList();
  }

  private VectorSelector confine(VectorSelector vs, String namespace) {
    LabelMatcher own = new LabelMatcher(label, LabelMatcher.Op.EQUAL, namespace);
    boolean present = false;
    for (LabelMatcher m : vs.matchers()) {
      if (!m.name().equals(label)) {
        continue;
      }
      if (!m.equals(own)) {
        throw new IllegalArgumentException(
            "selector "
                + Printer.print(vs)
                + " selects "
                + m.name()
                + m.op().text()
                + Strings.quote(m.value())
                + ", but this ScaledApi in namespace \""
                + namespace
                + "\" may only read its own namespace's series; remove that matcher (the operator"
                + " adds "
                + label
                + "="
                + Strings.quote(namespace)
                + " to every selector)");
      }
      present = true;
    }
    if (present) {
      return vs;
    }
    List<LabelMatcher> matchers = new ArrayList<>(vs.matchers());
    matchers.add(own);
    return vs.withMatchers(matchers);
  }
}
