package io.scaledapi.operator.promql;

import java.util.Locale;
import java.util.Map;

/**
 * One lexical item of a PromQL query.
 *
 * @param type what it is
 * @param text the source text, as written (keywords keep their case)
 * @param position offset of its first character in the query
 */
record Token(Token.Type type, String text, int position) {

  /** Token types; keywords are matched without regard to case, as Prometheus does. */
  enum Type {
    EOF,
    IDENTIFIER,
    METRIC_IDENTIFIER,
    NUMBER,
    DURATION,
    STRING,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACE,
    RIGHT_BRACE,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    COLON,
    EQL,
    EQL_REGEX,
    NEQ_REGEX,
    ADD,
    SUB,
    MUL,
    DIV,
    MOD,
    POW,
    EQLC,
    NEQ,
    LTE,
    LSS,
    GTE,
    GTR,
    AT,
    LAND,
    LOR,
    LUNLESS,
    ATAN2,
    AGGREGATOR,
    OFFSET,
    BY,
    WITHOUT,
    ON,
    IGNORING,
    GROUP_LEFT,
    GROUP_RIGHT,
    BOOL,
    START,
    END
  }

  private static final Map<String, Type> KEYWORDS =
      Map.ofEntries(
          Map.entry("and", Type.LAND),
          Map.entry("or", Type.LOR),
          Map.entry("unless", Type.LUNLESS),
          Map.entry("atan2", Type.ATAN2),
          Map.entry("offset", Type.OFFSET),
          Map.entry("by", Type.BY),
          Map.entry("without", Type.WITHOUT),
          Map.entry("on", Type.ON),
          Map.entry("ignoring", Type.IGNORING),
          Map.entry("group_left", Type.GROUP_LEFT),
          Map.entry("group_right", Type.GROUP_RIGHT),
          Map.entry("bool", Type.BOOL),
          Map.entry("start", Type.START),
          Map.entry("end", Type.END),
          Map.entry("inf", Type.NUMBER),
          Map.entry("nan", Type.NUMBER));

  /** The type of a word outside braces: a keyword, a number (Inf, NaN) or an identifier. */
  static Type wordType(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (Expr.Aggregation.OPERATORS.contains(lower)) {
      return Type.AGGREGATOR;
    }
    Type keyword = KEYWORDS.get(lower);
    if (keyword != null) {
      return keyword;
    }
    return word.indexOf(':') >= 0 ? Type.METRIC_IDENTIFIER : Type.IDENTIFIER;
  }

  /** The keyword in lower case. */
  String keyword() {
    return text.toLowerCase(Locale.ROOT);
  }

  boolean is(Type t) {
    return type == t;
  }

  /** How an error message names this token. */
  String describe() {
    return switch (type) {
      case EOF -> "end of input";
      case IDENTIFIER -> "identifier \"" + text + "\"";
      case METRIC_IDENTIFIER -> "metric identifier \"" + text + "\"";
      case NUMBER -> "number \"" + text + "\"";
      case DURATION -> "duration \"" + text + "\"";
      case STRING -> "string " + shorten(text);
      default -> "\"" + text + "\"";
    };
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 17) + "..." : s;
  }
}
