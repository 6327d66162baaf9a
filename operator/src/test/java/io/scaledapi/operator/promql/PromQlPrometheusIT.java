package io.scaledapi.operator.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against a real Prometheus 2.42 on the whole corpus: it accepts exactly the queries
 * Prometheus accepts; a printed query gives the same answer as the original on data of two
 * namespaces; and every query confined to a namespace is still one Prometheus accepts.
 */
class PromQlPrometheusIT {
  static final NamespaceIsolation ISOLATION = new NamespaceIsolation("namespace");

  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static PrometheusApi api;
  static Instant at;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      PrometheusLogOnFailure.shared();

  @BeforeAll
  static void startPrometheus() {
    exporter = TestExporter.start();
    for (String ns : List.of("team-a", "team-b")) {
      double base = ns.equals("team-a") ? 1 : 10;
      for (String pod : List.of("p1", "p2")) {
        double v = base + (pod.equals("p1") ? 0 : 1);
        exporter.set("foo", Map.of("namespace", ns, "pod", pod, "code", "200"), v);
        exporter.set("bar", Map.of("namespace", ns, "pod", pod, "version", "v1"), v * 2);
        exporter.set("baz", Map.of("namespace", ns, "pod", pod), v * 3);
      }
    }
    prometheus = SharedPrometheus.scraping(exporter);
    api = new PrometheusApi(prometheus.baseUri());
    await("samples of foo in Prometheus")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.query("count(foo)", Instant.now()).result().size() == 1);
    // A moment already stored: every query below sees the same samples.
    at = Instant.now().minusSeconds(1);
    System.out.println("[real prometheus] " + prometheus.version() + " at " + prometheus.baseUri());
  }

  @AfterAll
  static void stop() {
    if (exporter != null) {
      exporter.close();
    }
  }

  static List<String> valid() {
    return PromQlCorpus.valid();
  }

  static List<PromQlCorpus.Invalid> invalid() {
    return PromQlCorpus.invalid();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void prometheusAcceptsWhatTheParserAcceptsAndThePrintedQueryAnswersTheSame(String query) {
    PrometheusApi.Answer original = api.query(query, at);
    assertThat(original.parsed()).as("Prometheus parses %s: %s", query, original.error()).isTrue();

    String printed = PromQl.print(PromQl.parse(query));
    PrometheusApi.Answer reprinted = api.query(printed, at);
    assertThat(reprinted.sameOutcome(original))
        .as("%s printed as %s answers %s instead of %s", query, printed, reprinted, original)
        .isTrue();

    String confined;
    try {
      confined = ISOLATION.rewrite(query, "team-a");
    } catch (PromQlException e) {
      throw e;
    } catch (IllegalArgumentException refused) {
      assertThat(refused).hasMessageContaining("may only read its own namespace's series");
      return;
    }
    PrometheusApi.Answer answer = api.query(confined, at);
    assertThat(answer.parsed()).as("Prometheus parses %s: %s", confined, answer.error()).isTrue();
    assertThat(answer.result()).noneMatch(series -> series.contains("team-b"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void prometheusRejectsWhatTheParserRejects(PromQlCorpus.Invalid invalid) {
    assertThat(catchThrowable(() -> PromQl.parse(invalid.query())))
        .isInstanceOf(PromQlException.class);
    PrometheusApi.Answer answer = api.query(invalid.query(), at);
    assertThat(answer.parsed())
        .as("Prometheus rejects %s as PromQL; answered %s", invalid, answer)
        .isFalse();
  }
}
