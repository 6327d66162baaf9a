package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.Aggregation;
import io.scaledapi.operator.promql.Expr.At;
import io.scaledapi.operator.promql.Expr.Binary;
import io.scaledapi.operator.promql.Expr.Call;
import io.scaledapi.operator.promql.Expr.LabelMatcher;
import io.scaledapi.operator.promql.Expr.MatrixSelector;
import io.scaledapi.operator.promql.Expr.NumberLiteral;
import io.scaledapi.operator.promql.Expr.Paren;
import io.scaledapi.operator.promql.Expr.StringLiteral;
import io.scaledapi.operator.promql.Expr.Subquery;
import io.scaledapi.operator.promql.Expr.Unary;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import java.time.Duration;
import java.util.List;

/**
 * Writes an expression as PromQL on one line. Parsing the text gives the same tree: parentheses are
 * tree nodes, so operators need no others.
 */
final class Printer {
  private final StringBuilder out = new StringBuilder();

  private Printer() {}

  static String print(Expr expr) {
    Printer printer = new Printer();
    printer.expr(expr);
    return printer.out.toString();
  }

  /** A selector's text, e.g. for a message that names it. */
  static String print(VectorSelector selector) {
    return print((Expr) selector);
  }

  private void expr(Expr expr) {
    if (expr instanceof NumberLiteral n) {
      out.append(Literals.formatNumber(n.value()));
    } else if (expr instanceof StringLiteral s) {
      out.append(Strings.quote(s.value()));
    } else if (expr instanceof VectorSelector vs) {
      selector(vs);
      modifiers(vs.offset(), vs.at());
    } else if (expr instanceof MatrixSelector m) {
      selector(m.selector());
      out.append('[').append(Literals.formatDuration(m.range())).append(']');
      modifiers(m.selector().offset(), m.selector().at());
    } else if (expr instanceof Subquery s) {
      expr(s.expr());
      out.append('[').append(Literals.formatDuration(s.range())).append(':');
      if (s.step() != null) {
        out.append(Literals.formatDuration(s.step()));
      }
      out.append(']');
      modifiers(s.offset(), s.at());
    } else if (expr instanceof Call c) {
      out.append(c.function());
      arguments(c.args());
    } else if (expr instanceof Aggregation a) {
      aggregation(a);
    } else if (expr instanceof Binary b) {
      binary(b);
    } else if (expr instanceof Unary u) {
      out.append(u.op());
      expr(u.expr());
    } else if (expr instanceof Paren p) {
      out.append('(');
      expr(p.expr());
      out.append(')');
    }
  }

  private void selector(VectorSelector vs) {
    if (vs.name() != null) {
      out.append(vs.name());
    }
    if (vs.name() == null || !vs.matchers().isEmpty()) {
      out.append('{');
      for (int i = 0; i < vs.matchers().size(); i++) {
        LabelMatcher m = vs.matchers().get(i);
        out.append(i == 0 ? "" : ", ").append(m.name()).append(m.op().text());
        out.append(Strings.quote(m.value()));
      }
      out.append('}');
    }
  }

  private void modifiers(Duration offset, At at) {
    if (offset != null) {
      out.append(" offset ");
      out.append(offset.isNegative() ? "-" : "").append(Literals.formatDuration(offset.abs()));
    }
    if (at != null) {
      out.append(" @ ");
      switch (at.kind()) {
        case START -> out.append("start()");
        case END -> out.append("end()");
        case TIMESTAMP -> out.append(Literals.formatNumber(at.seconds()));
      }
    }
  }

  private void aggregation(Aggregation a) {
    out.append(a.op());
    if (a.grouping() != null) {
      out.append(a.grouping().without() ? " without " : " by ");
      labels(a.grouping().labels());
      out.append(' ');
    }
    arguments(a.param() == null ? List.of(a.expr()) : List.of(a.param(), a.expr()));
  }

  private void binary(Binary b) {
    expr(b.lhs());
    out.append(' ').append(b.op());
    if (b.returnBool()) {
      out.append(" bool");
    }
    Expr.Matching m = b.matching();
    if (m != null) {
      out.append(m.on() ? " on" : " ignoring");
      labels(m.labels());
      if (m.group() != null) {
        out.append(' ').append(m.group());
        if (!m.include().isEmpty()) {
          labels(m.include());
        }
      }
    }
    out.append(' ');
    expr(b.rhs());
  }

  private void arguments(List<Expr> args) {
    out.append('(');
    for (int i = 0; i < args.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      expr(args.get(i));
    }
    out.append(')');
  }

  private void labels(List<String> labels) {
    out.append('(').append(String.join(", ", labels)).append(')');
  }
}
