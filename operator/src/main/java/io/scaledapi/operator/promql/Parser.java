package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.Binary;
import io.scaledapi.operator.promql.Expr.Call;
import io.scaledapi.operator.promql.Expr.Grouping;
import io.scaledapi.operator.promql.Expr.Matching;
import io.scaledapi.operator.promql.Expr.NumberLiteral;
import io.scaledapi.operator.promql.Expr.Paren;
import io.scaledapi.operator.promql.Expr.StringLiteral;
import io.scaledapi.operator.promql.Expr.Unary;
import io.scaledapi.operator.promql.Token.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser of PromQL as Prometheus 2.x reads it: binary operators by precedence
 * ({@code or} < {@code and unless} < comparisons < {@code + -} < {@code * / % atan2} < {@code ^},
 * {@code ^} right-associative, unary minus binding like {@code *}), then range and subquery
 * brackets, {@code offset} and {@code @} after the expression they modify. Types are checked as the
 * tree is built, by {@link Checks}.
 */
final class Parser extends LeafParser {
  /** Words that may name a metric, though keywords elsewhere. */
  private static final Set<Type> METRIC_KEYWORDS =
      EnumSet.of(
          Type.AGGREGATOR,
          Type.BY,
          Type.WITHOUT,
          Type.LAND,
          Type.LOR,
          Type.LUNLESS,
          Type.OFFSET,
          Type.START,
          Type.END);

  private static final int UNARY_OPERAND = 6;

  /**
   * The deepest nesting of expressions parsed (parentheses, calls, unary and right-associative
   * operators), so that no query can exhaust the stack of the thread that parses it. Prometheus has
   * no such limit; no query a person writes comes near it.
   */
  static final int MAX_NESTING = 100;

  private int depth;

  private Parser(String query) {
    super(query);
  }

  static Expr parse(String query) {
    Parser parser = new Parser(query);
    if (parser.peek().is(Type.EOF)) {
      throw new PromQlException(query, 0, "no expression found in input");
    }
    Expr expr = parser.expr(0);
    if (!parser.peek().is(Type.EOF)) {
      throw parser.unexpected(parser.peek(), "", "an operator or end of input");
    }
    return expr;
  }

  private Expr expr(int minPrecedence) {
    if (depth == MAX_NESTING) {
      throw new PromQlException(
          query,
          peek().position(),
          "nesting deeper than " + MAX_NESTING + " levels; simplify the query");
    }
    depth++;
    try {
      return operators(minPrecedence);
    } finally {
      depth--;
    }
  }

  private Expr operators(int minPrecedence) {
    Expr lhs = unary();
    while (true) {
      Token op = peek();
      int precedence = precedence(op.type());
      if (precedence < minPrecedence) {
        return lhs;
      }
      next++;
      boolean returnBool = accept(Type.BOOL);
      Matching matching = matching();
      Expr rhs = expr(op.is(Type.POW) ? precedence : precedence + 1);
      lhs = checks.binary(op, new Binary(op.keyword(), lhs, rhs, returnBool, matching));
    }
  }

  private static int precedence(Type type) {
    return switch (type) {
      case LOR -> 1;
      case LAND, LUNLESS -> 2;
      case EQLC, NEQ, LTE, LSS, GTE, GTR -> 3;
      case ADD, SUB -> 4;
      case MUL, DIV, MOD, ATAN2 -> 5;
      case POW -> 6;
      default -> -1;
    };
  }

  private Expr unary() {
    Token sign = peek();
    if (!sign.is(Type.ADD) && !sign.is(Type.SUB)) {
      return postfix(primary());
    }
    next++;
    Expr operand = expr(UNARY_OPERAND);
    if (operand instanceof NumberLiteral n) {
      return sign.is(Type.SUB) ? new NumberLiteral(-n.value()) : n;
    }
    return checks.unary(sign, new Unary(sign.text().charAt(0), operand));
  }

  private Expr postfix(Expr expr) {
    while (true) {
      Token t = peek();
      if (t.is(Type.LEFT_BRACKET)) {
        next++;
        expr = rangeOrSubquery(t, expr);
      } else if (t.is(Type.OFFSET)) {
        next++;
        boolean negative = accept(Type.SUB);
        Duration d = duration(expect(Type.DURATION, "offset", "a duration"));
        expr = Modifiers.offset(query, t, expr, negative ? d.negated() : d);
      } else if (t.is(Type.AT)) {
        next++;
        expr = Modifiers.at(query, t, expr, at());
      } else {
        return expr;
      }
    }
  }

  private Expr rangeOrSubquery(Token bracket, Expr expr) {
    Duration range = duration(expect(Type.DURATION, "range or subquery", "a duration"));
    if (accept(Type.RIGHT_BRACKET)) {
      return Modifiers.range(query, bracket, expr, range);
    }
    expect(Type.COLON, "range or subquery", "\":\" or \"]\"");
    Duration step = peek().is(Type.DURATION) ? duration(tokens.get(next++)) : null;
    expect(Type.RIGHT_BRACKET, "subquery", "\"]\"");
    return checks.subquery(bracket, new Expr.Subquery(expr, range, step, null, null));
  }

  private Expr primary() {
    Token t = tokens.get(next++);
    switch (t.type()) {
      case NUMBER:
        return new NumberLiteral(number(t));
      case STRING:
        return new StringLiteral(Strings.unquote(query, t.position(), t.text()));
      case LEFT_PAREN:
        Expr inner = expr(0);
        expect(Type.RIGHT_PAREN, "parenthesized expression", "\")\"");
        return new Paren(inner);
      case LEFT_BRACE:
        next--;
        return selector(t, null);
      case IDENTIFIER:
        return peek().is(Type.LEFT_PAREN) ? call(t) : selector(t, t.text());
      case METRIC_IDENTIFIER:
        return selector(t, t.text());
      default:
        if (t.is(Type.AGGREGATOR) && startsAggregation(peek())) {
          return aggregation(t);
        }
        if (METRIC_KEYWORDS.contains(t.type())) {
          return selector(t, t.text());
        }
        throw unexpected(t, "", "an expression");
    }
  }

  private static boolean startsAggregation(Token t) {
    return t.is(Type.LEFT_PAREN) || t.is(Type.BY) || t.is(Type.WITHOUT);
  }

  private Expr call(Token name) {
    List<Expr> args = arguments("function call");
    return checks.call(name, new Call(name.text(), args));
  }

  private Expr aggregation(Token op) {
    Grouping grouping = grouping();
    Token body = peek();
    List<Expr> args = arguments("aggregation");
    if (grouping == null) {
      grouping = grouping();
    }
    return checks.aggregation(op, body, op.keyword(), args, grouping);
  }

  private List<Expr> arguments(String context) {
    expect(Type.LEFT_PAREN, context, "\"(\"");
    List<Expr> args = new ArrayList<>();
    if (accept(Type.RIGHT_PAREN)) {
      return args;
    }
    while (true) {
      args.add(expr(0));
      if (accept(Type.RIGHT_PAREN)) {
        return args;
      }
      Token comma = expect(Type.COMMA, context, "\",\" or \")\"");
      if (peek().is(Type.RIGHT_PAREN)) {
        throw new PromQlException(
            query, comma.position(), "trailing commas not allowed in function call args");
      }
    }
  }
}
