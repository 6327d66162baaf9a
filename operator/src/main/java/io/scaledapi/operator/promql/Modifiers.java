package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.At;
import io.scaledapi.operator.promql.Expr.MatrixSelector;
import io.scaledapi.operator.promql.Expr.Subquery;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import java.time.Duration;

/** Attaches a range, an {@code offset} or an {@code @} to the expression before it. */
final class Modifiers {
  private static final String TARGETS =
      "an instant vector selector, a range vector selector or a subquery";

  private Modifiers() {}

  static Expr range(String query, Token bracket, Expr expr, Duration range) {
    if (!(expr instanceof VectorSelector vs)) {
      throw new PromQlException(
          query, bracket.position(), "ranges only allowed for vector selectors");
    }
    if (vs.offset() != null) {
      throw new PromQlException(
          query, bracket.position(), "no offset modifiers allowed before range");
    }
    if (vs.at() != null) {
      throw new PromQlException(query, bracket.position(), "no @ modifiers allowed before range");
    }
    return new MatrixSelector(vs, range);
  }

  static Expr offset(String query, Token word, Expr expr, Duration offset) {
    Duration previous;
    Expr result;
    if (expr instanceof VectorSelector vs) {
      previous = vs.offset();
      result = new VectorSelector(vs.name(), vs.matchers(), offset, vs.at());
    } else if (expr instanceof MatrixSelector m) {
      VectorSelector vs = m.selector();
      previous = vs.offset();
      result =
          new MatrixSelector(
              new VectorSelector(vs.name(), vs.matchers(), offset, vs.at()), m.range());
    } else if (expr instanceof Subquery s) {
      previous = s.offset();
      result = new Subquery(s.expr(), s.range(), s.step(), offset, s.at());
    } else {
      throw new PromQlException(
          query, word.position(), "offset modifier must be preceded by " + TARGETS);
    }
    if (previous != null) {
      throw new PromQlException(query, word.position(), "offset may not be set multiple times");
    }
    return result;
  }

  static Expr at(String query, Token word, Expr expr, At at) {
    if (at.kind() == At.Kind.TIMESTAMP
        && (!Double.isFinite(at.seconds())
            || at.seconds() >= Long.MAX_VALUE
            || at.seconds() <= Long.MIN_VALUE)) {
      throw new PromQlException(
          query,
          word.position(),
          "timestamp out of bounds for @ modifier: " + Literals.formatNumber(at.seconds()));
    }
    At previous;
    Expr result;
    if (expr instanceof VectorSelector vs) {
      previous = vs.at();
      result = new VectorSelector(vs.name(), vs.matchers(), vs.offset(), at);
    } else if (expr instanceof MatrixSelector m) {
      VectorSelector vs = m.selector();
      previous = vs.at();
      result =
          new MatrixSelector(
              new VectorSelector(vs.name(), vs.matchers(), vs.offset(), at), m.range());
    } else if (expr instanceof Subquery s) {
      previous = s.at();
      result = new Subquery(s.expr(), s.range(), s.step(), s.offset(), at);
    } else {
      throw new PromQlException(
          query, word.position(), "@ modifier must be preceded by " + TARGETS);
    }
    if (previous != null) {
      throw new PromQlException(
          query, word.position(), "@ <timestamp> may not be set multiple times");
    }
    return result;
  }
}
