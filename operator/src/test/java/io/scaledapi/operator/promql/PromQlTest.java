package io.scaledapi.operator.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.promql.Expr.Binary;
import io.scaledapi.operator.promql.Expr.MatrixSelector;
import io.scaledapi.operator.promql.Expr.NumberLiteral;
import io.scaledapi.operator.promql.Expr.Paren;
import io.scaledapi.operator.promql.Expr.StringLiteral;
import io.scaledapi.operator.promql.Expr.Unary;
import io.scaledapi.operator.promql.Expr.VectorSelector;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser and printer on the corpus, on precedence, and on the literals. */
class PromQlTest {

  static List<String> valid() {
    return PromQlCorpus.valid();
  }

  static List<PromQlCorpus.Invalid> invalid() {
    return PromQlCorpus.invalid();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validQueriesParsePrintAndParseBackToTheSameTree(String query) {
    Expr tree = PromQl.parse(query);
    String printed = PromQl.print(tree);
    assertThat(PromQl.parse(printed)).as("tree of %s", printed).isEqualTo(tree);
    assertThat(PromQl.print(PromQl.parse(printed))).isEqualTo(printed);
    assertThat(printed).doesNotContain("\n");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidQueriesAreRejectedWithPositionAndCause(PromQlCorpus.Invalid invalid) {
    assertThatThrownBy(() -> PromQl.parse(invalid.query()))
        .isInstanceOf(PromQlException.class)
        .hasMessage(invalid.message());
  }

  /** The shape of a tree, fully parenthesized, to show precedence and associativity. */
  static String shape(Expr e) {
    if (e instanceof Binary b) {
      return "(" + shape(b.lhs()) + " " + b.op() + " " + shape(b.rhs()) + ")";
    }
    if (e instanceof Unary u) {
      return "(" + u.op() + shape(u.expr()) + ")";
    }
    if (e instanceof Paren p) {
      return "[" + shape(p.expr()) + "]";
    }
    return PromQl.print(e);
  }

  @ParameterizedTest(name = "{0}  is  {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a + b * c            | (a + (b * c))",
        "a * b + c            | ((a * b) + c)",
        "a - b - c            | ((a - b) - c)",
        "a / b % c atan2 d    | (((a / b) % c) atan2 d)",
        "a ^ b ^ c            | (a ^ (b ^ c))",
        "-a ^ b               | (-(a ^ b))",
        "-a * b               | ((-a) * b)",
        "a * -b + c           | ((a * (-b)) + c)",
        "a + -b * c           | (a + ((-b) * c))",
        "a ^ -b ^ c           | (a ^ (-(b ^ c)))",
        "- -a                 | (-(-a))",
        "a or b and c         | (a or (b and c))",
        "a and b unless c     | ((a and b) unless c)",
        "a or b unless c == d | (a or (b unless (c == d)))",
        "a == b + c           | (a == (b + c))",
        "a > b < c            | ((a > b) < c)",
        "(a + b) * c          | ([(a + b)] * c)",
        "-(a + b)             | (-[(a + b)])",
        "-a offset 1m @ 5     | (-a offset 1m @ 5)",
        "a + b offset 5m      | (a + b offset 5m)",
        "-1 + 2               | (-1 + 2)",
        "and and and          | (and and and)",
        "sum - count          | (sum - count)",
      })
  void operatorsBindByPrecedenceAndAssociativity(String query, String shape) {
    assertThat(shape(PromQl.parse(query))).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sum(foo) by (job)                 | sum by (job) (foo)",
        "SUM WITHOUT(a,b,)(foo)            | sum without (a, b) (foo)",
        "foo@100 offset 1h30m              | foo offset 1h30m @ 100",
        "foo[90m] offset -1d               | foo[1h30m] offset -1d",
        "rate(foo[5m:])                    | rate(foo[5m:])",
        "foo{a='x',b=`y\\z`,}              | foo{a=\"x\", b=\"y\\\\z\"}",
        "foo{}                             | foo",
        "a*on(x)group_left b               | a * on(x) group_left b",
        "a > bool ignoring(x) group_right(y) b | a > bool ignoring(x) group_right(y) b",
        "0x10 + 010 + 1e2 + 1.5e-7         | 16 + 8 + 100 + 1.5E-7",
        "+5                                | 5",
      })
  void printsOneCanonicalLine(String query, String printed) {
    assertThat(PromQl.print(PromQl.parse(query))).isEqualTo(printed);
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of("0x1F", 31.0),
        Arguments.of("0X1f", 31.0),
        Arguments.of("010", 8.0),
        Arguments.of("09", 9.0),
        Arguments.of("1e3", 1000.0),
        Arguments.of("1E-3", 0.001),
        Arguments.of(".5", 0.5),
        Arguments.of("5.", 5.0),
        Arguments.of("Inf", Double.POSITIVE_INFINITY),
        Arguments.of("-inf", Double.NEGATIVE_INFINITY),
        Arguments.of("NaN", Double.NaN),
        Arguments.of("- 2", -2.0));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("numbers")
  void numbersReadAsPrometheusReadsThem(String text, double value) {
    assertThat(PromQl.parse(text)).isEqualTo(new NumberLiteral(value));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"\\x41\\101\\u00e9\\U0001F600\"' | AAé😀",
        "'\"\\xc3\\xa9\"'                   | é",
        "'''it\\''s'''                      | it's",
        "'`a\\d+`'                          | a\\d+",
        "'\"tab\\there\"'                   | 'tab\there'",
      })
  void stringsDecodeGoEscapes(String query, String value) {
    assertThat(PromQl.parse(query))
        .isEqualTo(new StringLiteral(value.replace("\\t", "\t").replace("\\d", "\\d")));
  }

  @Test
  void byteEscapesThatAreNotUtf8AreRefusedThoughPrometheusTakesThem() {
    // Stricter than Prometheus on purpose: the printed query must select the same label value.
    assertThatThrownBy(() -> PromQl.parse("foo{job=\"\\xff\"}"))
        .hasMessage(
            "1:9: string is not valid UTF-8 after its byte escapes; write the characters"
                + " themselves");
  }

  @Test
  void rangesAndOffsetsKeepTheirDurations() {
    Expr e = PromQl.parse("foo[1y2w3d4h5m6s7ms] offset -90s");
    MatrixSelector m = (MatrixSelector) e;
    assertThat(m.range())
        .isEqualTo(
            Duration.ofDays(365 + 14 + 3).plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7));
    assertThat(m.selector().offset()).isEqualTo(Duration.ofSeconds(-90));
    assertThat(PromQl.print(e)).isEqualTo("foo[1y2w3d4h5m6s7ms] offset -1m30s");
  }

  @Test
  void keywordsNameMetricsWhereTheGrammarAllowsIt() {
    assertThat(PromQl.parse("sum")).isEqualTo(new VectorSelector("sum", List.of(), null, null));
    assertThat(PromQl.parse("offset offset 5m"))
        .isEqualTo(new VectorSelector("offset", List.of(), Duration.ofMinutes(5), null));
    assertThat(PromQl.parse("foo{bool=\"x\"}").toString()).contains("name=bool");
  }
}
