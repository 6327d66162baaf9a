package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Expr.At;
import io.scaledapi.operator.promql.Expr.Grouping;
import io.scaledapi.operator.promql.Expr.LabelMatcher;
import io.scaledapi.operator.promql.Expr.Matching;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import io.scaledapi.operator.promql.Token.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The token stream of the {@link Parser}, and the parts of the tree it reads straight from tokens:
 * numbers, durations, vector selectors with their matchers, label lists of {@code by} and {@code
 * on}, and {@code @} timestamps.
 */
abstract class LeafParser {
  /** Words that may name a label in {@code by}, {@code on} and the like. */
  private static final Set<Type> LABEL_KEYWORDS =
      EnumSet.of(
          Type.IDENTIFIER,
          Type.AGGREGATOR,
          Type.BOOL,
          Type.BY,
          Type.GROUP_LEFT,
          Type.GROUP_RIGHT,
          Type.IGNORING,
          Type.LAND,
          Type.LOR,
          Type.LUNLESS,
          Type.OFFSET,
          Type.ON,
          Type.START,
          Type.END,
          Type.ATAN2);

  final String query;
  final List<Token> tokens;
  final Checks checks;
  int next;

  LeafParser(String query) {
    this.query = query;
    this.tokens = Lexer.tokens(query);
    this.checks = new Checks(query);
  }

  double number(Token t) {
    try {
      return Literals.number(t.text());
    } catch (NumberFormatException e) {
      throw new PromQlException(query, t.position(), "bad " + t.describe());
    }
  }

  Duration duration(Token t) {
    Duration d;
    try {
      d = Literals.duration(t.text());
    } catch (IllegalArgumentException e) {
      throw new PromQlException(query, t.position(), e.getMessage());
    }
    if (d.isZero()) {
      throw new PromQlException(query, t.position(), "duration must be greater than 0");
    }
    return d;
  }

  Token peek() {
    return tokens.get(next);
  }

  boolean accept(Type type) {
    if (peek().is(type)) {
      next++;
      return true;
    }
    return false;
  }

  Token expect(Type type, String context, String expected) {
    Token t = peek();
    if (!t.is(type)) {
      throw unexpected(t, context, expected);
    }
    next++;
    return t;
  }

  PromQlException unexpected(Token t, String context, String expected) {
    String where = context.isEmpty() ? "" : " in " + context;
    return new PromQlException(
        query, t.position(), "unexpected " + t.describe() + where + ", expected " + expected);
  }

  VectorSelector selector(Token start, String name) {
    List<LabelMatcher> matchers = new ArrayList<>();
    if (accept(Type.LEFT_BRACE)) {
      while (!accept(Type.RIGHT_BRACE)) {
        matchers.add(matcher());
        if (!accept(Type.COMMA)) {
          expect(Type.RIGHT_BRACE, "label matching", "\",\" or \"}\"");
          break;
        }
      }
    }
    return checks.selector(start, new VectorSelector(name, matchers, null, null));
  }

  LabelMatcher matcher() {
    Token label = expect(Type.IDENTIFIER, "label matching", "a label name or \"}\"");
    Token op = tokens.get(next++);
    LabelMatcher.Op matchOp =
        switch (op.type()) {
          case EQL -> LabelMatcher.Op.EQUAL;
          case NEQ -> LabelMatcher.Op.NOT_EQUAL;
          case EQL_REGEX -> LabelMatcher.Op.REGEX;
          case NEQ_REGEX -> LabelMatcher.Op.NOT_REGEX;
          default -> throw unexpected(op, "label matching", "=, !=, =~ or !~");
        };
    Token value = expect(Type.STRING, "label matching", "a string");
    LabelMatcher m =
        new LabelMatcher(
            label.text(), matchOp, Strings.unquote(query, value.position(), value.text()));
    if (matchOp == LabelMatcher.Op.REGEX || matchOp == LabelMatcher.Op.NOT_REGEX) {
      try {
        LabelMatcher.anchored(m.value());
      } catch (PatternSyntaxException e) {
        throw new PromQlException(
            query, value.position(), "invalid regular expression: " + e.getDescription());
      }
    }
    return m;
  }

  Matching matching() {
    Token word = peek();
    if (!word.is(Type.ON) && !word.is(Type.IGNORING)) {
      return null;
    }
    next++;
    List<String> labels = groupingLabels();
    Token group = peek();
    if (!group.is(Type.GROUP_LEFT) && !group.is(Type.GROUP_RIGHT)) {
      return new Matching(word.is(Type.ON), labels, null, List.of());
    }
    next++;
    List<String> include = peek().is(Type.LEFT_PAREN) ? groupingLabels() : List.of();
    return new Matching(word.is(Type.ON), labels, group.keyword(), include);
  }

  At at() {
    Token t = tokens.get(next++);
    if (t.is(Type.START) || t.is(Type.END)) {
      expect(Type.LEFT_PAREN, "@ modifier", "\"(\"");
      expect(Type.RIGHT_PAREN, "@ modifier", "\")\"");
      return new At(t.is(Type.START) ? At.Kind.START : At.Kind.END, 0);
    }
    double sign = 1;
    if (t.is(Type.ADD) || t.is(Type.SUB)) {
      sign = t.is(Type.SUB) ? -1 : 1;
      t = tokens.get(next++);
    }
    if (!t.is(Type.NUMBER)) {
      throw unexpected(t, "@ modifier", "a timestamp, start() or end()");
    }
    return new At(At.Kind.TIMESTAMP, sign * number(t));
  }

  Grouping grouping() {
    if (accept(Type.BY)) {
      return new Grouping(false, groupingLabels());
    }
    if (accept(Type.WITHOUT)) {
      return new Grouping(true, groupingLabels());
    }
    return null;
  }

  List<String> groupingLabels() {
    expect(Type.LEFT_PAREN, "grouping", "\"(\"");
    List<String> labels = new ArrayList<>();
    while (!accept(Type.RIGHT_PAREN)) {
      Token label = tokens.get(next++);
      if (!LABEL_KEYWORDS.contains(label.type())) {
        throw unexpected(label, "grouping", "a label name");
      }
      labels.add(label.text());
      if (!accept(Type.COMMA)) {
        expect(Type.RIGHT_PAREN, "grouping", "\",\" or \")\"");
        break;
      }
    }
    return labels;
  }
}
