package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.Aggregation;
import io.scaledapi.operator.promql.Expr.Binary;
import io.scaledapi.operator.promql.Expr.Call;
import io.scaledapi.operator.promql.Expr.Grouping;
import io.scaledapi.operator.promql.Expr.LabelMatcher;
import io.scaledapi.operator.promql.Expr.Subquery;
import io.scaledapi.operator.promql.Expr.Unary;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import java.util.List;
import java.util.Set;

/**
 * The checks Prometheus makes beyond the grammar: types of operands and arguments, argument counts,
 * vector matching, and selectors that would match every series.
 */
final class Checks {
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", "<", ">=", ">");
  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");

  private final String query;

  Checks(String query) {
    this.query = query;
  }

  /** The type of {@code expr}'s value. */
  static ValueType type(Expr expr) {
    if (expr instanceof Expr.NumberLiteral) {
      return ValueType.SCALAR;
    } else if (expr instanceof Expr.StringLiteral) {
      return ValueType.STRING;
    } else if (expr instanceof Expr.MatrixSelector || expr instanceof Subquery) {
      return ValueType.MATRIX;
    } else if (expr instanceof Call call) {
      return Functions.find(call.function()).orElseThrow().returns();
    } else if (expr instanceof Binary b) {
      return type(b.lhs()) == ValueType.SCALAR && type(b.rhs()) == ValueType.SCALAR
          ? ValueType.SCALAR
          : ValueType.VECTOR;
    } else if (expr instanceof Unary u) {
      return type(u.expr());
    } else if (expr instanceof Expr.Paren p) {
      return type(p.expr());
    }
    return ValueType.VECTOR; // selectors and aggregations
  }

  VectorSelector selector(Token at, VectorSelector vs) {
    if (vs.name() != null) {
      for (LabelMatcher m : vs.matchers()) {
        if (m.name().equals("__name__")) {
          fail(
              at,
              "metric name must not be set twice: \"" + vs.name() + "\" or \"" + m.value() + "\"");
        }
      }
    } else if (vs.matchers().stream().allMatch(LabelMatcher::matchesEmpty)) {
      fail(at, "vector selector must contain at least one non-empty matcher");
    }
    return vs;
  }

  Expr call(Token name, Call call) {
    Functions.Signature f =
        Functions.find(call.function())
            .orElseThrow(
                () ->
                    new PromQlException(
                        query,
                        name.position(),
                        "unknown function with name \"" + call.function() + "\""));
    int declared = f.args().size();
    int given = call.args().size();
    String fn = "\"" + call.function() + "\"";
    if (f.variadic() == 0 && given != declared) {
      fail(name, "expected " + declared + " argument(s) in call to " + fn + ", got " + given);
    }
    if (f.variadic() != 0 && given < declared - 1) {
      fail(
          name,
          "expected at least "
              + (declared - 1)
              + " argument(s) in call to "
              + fn
              + ", got "
              + given);
    }
    if (f.variadic() > 0 && given > declared - 1 + f.variadic()) {
      fail(
          name,
          "expected at most "
              + (declared - 1 + f.variadic())
              + " argument(s) in call to "
              + fn
              + ", got "
              + given);
    }
    for (int i = 0; i < given; i++) {
      expect(
          name,
          call.args().get(i),
          f.args().get(Math.min(i, declared - 1)),
          "call to function " + fn);
    }
    return call;
  }

  Expr aggregation(Token op, Token body, String name, List<Expr> args, Grouping grouping) {
    if (args.isEmpty()) {
      fail(op, "no arguments for aggregate expression provided");
    }
    boolean withParam = Aggregation.WITH_PARAM.contains(name);
    int wanted = withParam ? 2 : 1;
    if (args.size() != wanted) {
      fail(
          op,
          "wrong number of arguments for aggregate expression provided, expected "
              + wanted
              + ", got "
              + args.size());
    }
    Expr expr = args.get(wanted - 1);
    expect(body, expr, ValueType.VECTOR, "aggregation expression");
    Expr param = withParam ? args.get(0) : null;
    if (withParam) {
      ValueType type = name.equals("count_values") ? ValueType.STRING : ValueType.SCALAR;
      expect(body, param, type, "aggregation parameter");
    }
    return new Aggregation(name, param, expr, grouping);
  }

  Expr binary(Token op, Binary b) {
    ValueType lt = type(b.lhs());
    ValueType rt = type(b.rhs());
    boolean comparison = COMPARISONS.contains(b.op());
    boolean setOperator = SET_OPERATORS.contains(b.op());
    if (b.returnBool() && !comparison) {
      fail(op, "bool modifier can only be used on comparison operators");
    }
    if (comparison && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
      fail(op, "comparisons between scalars must use BOOL modifier");
    }
    Expr.Matching m = b.matching();
    if (m != null && m.on() && m.labels().stream().anyMatch(m.include()::contains)) {
      fail(op, "a label must not occur in ON and GROUP clause at once");
    }
    for (ValueType t : List.of(lt, rt)) {
      if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
        fail(op, "binary expression must contain only scalar and instant vector types, got " + t);
      }
    }
    boolean vectors = lt == ValueType.VECTOR && rt == ValueType.VECTOR;
    if (!vectors && m != null && !m.labels().isEmpty()) {
      fail(op, "vector matching only allowed between instant vectors");
    }
    if (vectors && setOperator && m != null && m.group() != null) {
      fail(op, "no grouping allowed for \"" + b.op() + "\" operation");
    }
    if (!vectors && setOperator) {
      fail(op, "set operator \"" + b.op() + "\" not allowed in binary scalar expression");
    }
    return b;
  }

  Expr unary(Token sign, Unary u) {
    ValueType t = type(u.expr());
    if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
      fail(
          sign,
          "unary expression only allowed on expressions of type scalar or instant vector, got "
              + t);
    }
    return u;
  }

  Expr subquery(Token bracket, Subquery s) {
    ValueType t = type(s.expr());
    if (t != ValueType.VECTOR) {
      fail(bracket, "subquery is only allowed on instant vector, got " + t + " instead");
    }
    return s;
  }

  private void expect(Token at, Expr expr, ValueType wanted, String context) {
    ValueType t = type(expr);
    if (t != wanted) {
      fail(at, "expected type " + wanted + " in " + context + ", got " + t);
    }
  }

  private void fail(Token at, String problem) {
    throw new PromQlException(query, at.position(), problem);
  }
}
