package io.scaledapi.operator.promql;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed PromQL expression. Parentheses are kept as {@link Paren} nodes, so that printing an
 * expression gives back one that parses to the same tree.
 */
public sealed interface Expr
    permits Expr.NumberLiteral,
        Expr.StringLiteral,
        Expr.VectorSelector,
        Expr.MatrixSelector,
        Expr.Subquery,
        Expr.Call,
        Expr.Aggregation,
        Expr.Binary,
        Expr.Unary,
        Expr.Paren {

  /** A number, e.g. {@code 3}, {@code 0x1f}, {@code 1e-3}, {@code Inf}; negative after a minus. */
  record NumberLiteral(double value) implements Expr {}

  /** A string, decoded. */
  record StringLiteral(String value) implements Expr {}

  /**
   * {@code name{matchers} offset d @ t}.
   *
   * @param name the metric name written before the braces, or null
   * @param matchers the matchers in the braces, in order
   * @param offset null without {@code offset}
   * @param at null without {@code @}
   */
  record VectorSelector(String name, List<LabelMatcher> matchers, Duration offset, At at)
      implements Expr {
    public VectorSelector {
      matchers = List.copyOf(matchers);
    }

    VectorSelector withMatchers(List<LabelMatcher> newMatchers) {
      return new VectorSelector(name, newMatchers, offset, at);
    }
  }

  /** {@code selector[range]}; its offset and {@code @} are kept on the selector. */
  record MatrixSelector(VectorSelector selector, Duration range) implements Expr {}

  /**
   * {@code expr[range:step] offset d @ t}.
   *
   * @param step null for the default step ({@code [30m:]})
   */
  record Subquery(Expr expr, Duration range, Duration step, Duration offset, At at)
      implements Expr {}

  /** A function call. */
  record Call(String function, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * {@code op by (labels) (param, expr)}.
   *
   * @param op the operator in lower case, e.g. {@code sum}, {@code topk}
   * @param param null unless the operator takes one (topk, bottomk, quantile, count_values)
   * @param grouping null without {@code by} or {@code without}
   */
  record Aggregation(String op, Expr param, Expr expr, Grouping grouping) implements Expr {
    /** The aggregation operators of Prometheus 2.x. */
    public static final Set<String> OPERATORS =
        Set.of(
            "sum",
            "avg",
            "count",
            "min",
            "max",
            "group",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "count_values",
            "quantile");

    static final Set<String> WITH_PARAM = Set.of("topk", "bottomk", "count_values", "quantile");
  }

  /** {@code by (labels)} or {@code without (labels)}. */
  record Grouping(boolean without, List<String> labels) {
    public Grouping {
      labels = List.copyOf(labels);
    }
  }

  /**
   * {@code lhs op bool on(labels) group_left(include) rhs}.
   *
   * @param op the operator in lower case, e.g. {@code +}, {@code and}, {@code atan2}
   * @param matching null without {@code on} or {@code ignoring}
   */
  record Binary(String op, Expr lhs, Expr rhs, boolean returnBool, Matching matching)
      implements Expr {}

  /**
   * Vector matching of a binary operation.
   *
   * @param on true for {@code on}, false for {@code ignoring}
   * @param group {@code group_left} or {@code group_right}, or null
   */
  record Matching(boolean on, List<String> labels, String group, List<String> include) {
    public Matching {
      labels = List.copyOf(labels);
      include = List.copyOf(include);
    }
  }

  /** {@code -expr} or {@code +expr} on anything but a number literal. */
  record Unary(char op, Expr expr) implements Expr {}

  /** {@code (expr)}. */
  record Paren(Expr expr) implements Expr {}

  /** {@code @ <seconds>}, {@code @ start()} or {@code @ end()}. */
  record At(Kind kind, double seconds) {
    public enum Kind {
      TIMESTAMP,
      START,
      END
    }
  }

  /** One matcher in braces, e.g. {@code job=~"api|web"}. */
  record LabelMatcher(String name, Op op, String value) {
    public enum Op {
      EQUAL("="),
      NOT_EQUAL("!="),
      REGEX("=~"),
      NOT_REGEX("!~");

      final String text;

      Op(String text) {
        this.text = text;
      }

      public String text() {
        return text;
      }
    }

    /** Whether the empty string (a series without the label) matches. */
    boolean matchesEmpty() {
      return switch (op) {
        case EQUAL -> value.isEmpty();
        case NOT_EQUAL -> !value.isEmpty();
        case REGEX -> anchored(value).matcher("").matches();
        case NOT_REGEX -> !anchored(value).matcher("").matches();
      };
    }

    /** The matcher's regular expression as Prometheus applies it: to the whole value. */
    static Pattern anchored(String regex) {
      // RE2 names groups (?P<name>...), Java (?<name>...)
      return Pattern.compile("^(?:" + regex.replace("(?P<", "(?<") + ")$");
    }
  }
}
