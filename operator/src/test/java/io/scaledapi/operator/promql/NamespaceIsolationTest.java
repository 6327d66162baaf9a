package io.scaledapi.operator.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every selector, wherever it stands, is confined to the namespace; other namespaces refused. */
class NamespaceIsolationTest {
  static final NamespaceIsolation ISOLATION = new NamespaceIsolation("namespace");
  static final LabelMatcher OWN = new LabelMatcher("namespace", LabelMatcher.Op.EQUAL, "a");

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "foo                                  | foo{namespace=\"a\"}",
        "{job=\"x\"}                          | {job=\"x\", namespace=\"a\"}",
        "sum                                  | sum{namespace=\"a\"}",
        "foo offset 5m @ 100                  | foo{namespace=\"a\"} offset 5m @ 100",
        "rate(foo[5m] offset 1h)              | rate(foo{namespace=\"a\"}[5m] offset 1h)",
        "max_over_time(rate(foo[5m])[30m:1m]) | max_over_time(rate(foo{namespace=\"a\"}[5m])[30m:1m])",
        "(foo)[5m:]                           | (foo{namespace=\"a\"})[5m:]",
        "sum by (le) (rate(foo_bucket[5m]))   | sum by (le) (rate(foo_bucket{namespace=\"a\"}[5m]))",
        "topk(scalar(bar), foo)               | topk(scalar(bar{namespace=\"a\"}), foo{namespace=\"a\"})",
        "count_values(\"v\", foo)             | count_values(\"v\", foo{namespace=\"a\"})",
        "foo / on(job) group_left(v) bar      | foo{namespace=\"a\"} / on(job) group_left(v) bar{namespace=\"a\"}",
        "-foo ^ 2                             | -foo{namespace=\"a\"} ^ 2",
        "(foo) and bar or baz                 | (foo{namespace=\"a\"}) and bar{namespace=\"a\"} or baz{namespace=\"a\"}",
        "absent(nonexistent)                  | absent(nonexistent{namespace=\"a\"})",
        "label_replace(foo, \"x\", \"$1\", \"y\", \"(.*)\") | label_replace(foo{namespace=\"a\"}, \"x\", \"$1\", \"y\", \"(.*)\")",
        "foo{namespace=\"a\"}                 | foo{namespace=\"a\"}",
        "foo{job=\"x\", namespace=\"a\"} + bar | foo{job=\"x\", namespace=\"a\"} + bar{namespace=\"a\"}",
        "1 + time()                           | 1 + time()",
        "\"text\"                             | \"text\"",
      })
  void everySelectorGetsTheMatcherOnce(String query, String confined) {
    assertThat(ISOLATION.rewrite(query, "a")).isEqualTo(confined);
    List<VectorSelector> selectors = selectors(PromQl.parse(confined));
    assertThat(selectors)
        .allSatisfy(vs -> assertThat(vs.matchers()).filteredOn(OWN::equals).hasSize(1));
    assertThat(selectors).hasSameSizeAs(selectors(PromQl.parse(query)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "foo{namespace=\"b\"}",
        "foo{namespace=~\"a\"}",
        "foo{namespace=~\"a|b\"}",
        "foo{namespace!=\"a\"}",
        "foo{namespace!~\"b\"}",
        "foo{namespace=\"\", job=\"x\"}",
        "foo{namespace=\"a\", namespace!=\"b\"}",
        "sum(rate(foo{namespace=\"b\"}[5m]))",
        "foo + on(job) group_left bar{namespace=\"b\"}",
        "max_over_time(foo{namespace=\"b\"}[5m:])",
      })
  void anyOtherMatcherOnTheLabelIsRefused(String query) {
    assertThatThrownBy(() -> ISOLATION.rewrite(query, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(PromQlException.class)
        .hasMessageStartingWith("selector ")
        .hasMessageContaining(
            "but this ScaledApi in namespace \"a\" may only read its own namespace's series;"
                + " remove that matcher (the operator adds namespace=\"a\" to every selector)");
  }

  @Test
  void theRefusalNamesTheSelectorAndTheMatcher() {
    assertThatThrownBy(() -> ISOLATION.rewrite("sum(queue{app=\"x\", namespace=\"b\"})", "a"))
        .hasMessage(
            "selector queue{app=\"x\", namespace=\"b\"} selects namespace=\"b\", but this"
                + " ScaledApi in namespace \"a\" may only read its own namespace's series; remove"
                + " that matcher (the operator adds namespace=\"a\" to every selector)");
  }

  @Test
  void theLabelIsConfigurable() {
    NamespaceIsolation k8s = new NamespaceIsolation("kubernetes_namespace");
    assertThat(k8s.rewrite("foo{namespace=\"b\"}", "a"))
        .isEqualTo("foo{namespace=\"b\", kubernetes_namespace=\"a\"}");
    assertThatThrownBy(() -> k8s.rewrite("foo{kubernetes_namespace=\"b\"}", "a"))
        .hasMessageContaining("selects kubernetes_namespace=\"b\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1ns", "name-space", "__name__", "namespace "})
  void theLabelMustBeALabelName(String label) {
    assertThatThrownBy(() -> new NamespaceIsolation(label))
        .hasMessageStartingWith("the namespace label must be a Prometheus label name");
  }

  @Test
  void invalidPromQlIsReportedAsSuch() {
    assertThatThrownBy(() -> ISOLATION.rewrite("sum(foo", "a"))
        .isInstanceOf(PromQlException.class)
        .hasMessage("1:8: unclosed left parenthesis");
  }

  @Test
  void namespaceValuesAreQuoted() {
    assertThat(ISOLATION.rewrite("foo", "a\"b")).isEqualTo("foo{namespace=\"a\\\"b\"}");
  }

  static List<String> valid() {
    return PromQlCorpus.valid();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void everyConfinedCorpusQueryParsesWithEverySelectorConfined(String query) {
    String confined;
    try {
      confined = ISOLATION.rewrite(query, "shop");
    } catch (PromQlException e) {
      throw e;
    } catch (IllegalArgumentException refused) {
      assertThat(selectors(PromQl.parse(query)))
          .anySatisfy(
              vs ->
                  assertThat(vs.matchers())
                      .anyMatch(m -> m.name().equals("namespace") && !m.value().equals("shop")));
      return;
    }
    assertThat(selectors(PromQl.parse(confined)))
        .allSatisfy(
            vs ->
                assertThat(vs.matchers())
                    .filteredOn(m -> m.name().equals("namespace"))
                    .containsExactly(new LabelMatcher("namespace", LabelMatcher.Op.EQUAL, "shop")));
  }

  /** Every vector selector in the tree, those of range selectors included. */
  static List<VectorSelector> selectors(Expr e) {
    List<VectorSelector> found = new ArrayList<>();
    collect(e, found);
    return found;
  }

  private static void collect(Expr e, List<VectorSelector> found) {
    if (e instanceof VectorSelector vs) {
      found.add(vs);
    } else if (e instanceof MatrixSelector m) {
      found.add(m.selector());
    } else if (e instanceof Subquery s) {
      collect(s.expr(), found);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collect(a, found));
    } else if (e instanceof Aggregation a) {
      if (a.param() != null) {
        collect(a.param(), found);
      }
      collect(a.expr(), found);
    } else if (e instanceof Binary b) {
      collect(b.lhs(), found);
      collect(b.rhs(), found);
    } else if (e instanceof Unary u) {
      collect(u.expr(), found);
    } else if (e instanceof Paren p) {
      collect(p.expr(), found);
    }
  }
}
