package io.scaledapi.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.LatencySpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.promql.NamespaceIsolation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Under namespace isolation every query is parsed once and confined to the ScaledApi's namespace;
 * one that cannot be confined makes the spec invalid, naming its field, so it is never sent.
 */
class QueryConfinementTest {
  final SpecParser isolated = new SpecParser(Optional.of(new NamespaceIsolation("namespace")));

  static ScaledApiSpec spec(String queue, String latency, String arrivals) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        1,
        10,
        null,
        null,
        new QueueSpec(queue, 10.0),
        latency == null ? null : new LatencySpec(latency, "1s"),
        arrivals == null ? null : new ArrivalRateSpec(arrivals),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static SignalQueries queries(ParsedSpec parsed) {
    assertThat(parsed).isInstanceOf(ParsedSpec.Valid.class);
    return ((ParsedSpec.Valid) parsed).settings().queries();
  }

  @Test
  void everyQueryIsConfinedToTheNamespace() {
    SignalQueries queries =
        queries(isolated.parse(spec("sum(q)", "max(l)", "sum(rate(a[1m]))"), "team-a"));

    assertThat(queries.queue()).isEqualTo("sum(q{namespace=\"team-a\"})");
    assertThat(queries.latency()).contains("max(l{namespace=\"team-a\"})");
    assertThat(queries.arrivalRate()).contains("sum(rate(a{namespace=\"team-a\"}[1m]))");
  }

  @Test
  void problemsNameEachRefusedField() {
    ParsedSpec refused =
        isolated.parse(
            spec("sum(q{namespace=\"team-b\"})", "max(l)", "sum(rate(a{namespace=~\".+\"}[1m]))"),
            "team-a");

    assertThat(refused)
        .isInstanceOfSatisfying(
            ParsedSpec.Invalid.class,
            invalid ->
                assertThat(invalid.problems())
                    .satisfiesExactly(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "spec.queue.query: selector q{namespace=\"team-b\"} selects"
                                        + " namespace=\"team-b\", but this ScaledApi in namespace"
                                        + " \"team-a\""),
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "spec.arrivalRate.query: selector a{namespace=~\".+\"} selects"
                                        + " namespace=~\".+\"")));
    assertThat(queries(isolated.parse(spec("sum(q{namespace=\"team-a\"})", null, null), "team-a")))
        .extracting(SignalQueries::queue)
        .isEqualTo("sum(q{namespace=\"team-a\"})");
  }

  @Test
  void aSyntaxErrorIsReportedOnceNotAsARefusal() {
    ParsedSpec parsed = isolated.parse(spec("sum(", null, null), "team-a");

    assertThat(parsed)
        .isInstanceOfSatisfying(
            ParsedSpec.Invalid.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "spec.queue.query is not valid PromQL: 1:5: unclosed left parenthesis"));
  }

  @Test
  void withoutIsolationQueriesAreSentAsWritten() {
    SignalQueries queries =
        queries(SpecParser.parse(spec("sum(q{namespace=\"team-b\"})", null, "sum(rate(a[1m]))")));

    assertThat(queries.queue()).isEqualTo("sum(q{namespace=\"team-b\"})");
    assertThat(queries.latency()).isEmpty();
    assertThat(queries.arrivalRate()).contains("sum(rate(a[1m]))");
  }
}
