package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.engine.Decision;
import io.scaledapi.operator.engine.Reason;
import io.scaledapi.operator.engine.ScalingEngine;
import io.scaledapi.operator.engine.ScalingHistory;
import io.scaledapi.operator.engine.ScalingInput;
import io.scaledapi.operator.prometheus.FailureKind;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.spec.ParsedSpec;
import io.scaledapi.operator.spec.ScaledApiSettings;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Prometheus answers becomes a reading, and only a finite number is a value: no series, NaN or
 * infinity are failures with the cause, so the engine holds the replicas instead of reading 0 and
 * scaling to the minimum.
 */
class SignalReaderTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static List<Object[]> unusableAnswers() {
    return List.of(
        new Object[] {
          new QueryResult.Empty(),
          "query returned no series; check the metric name and labels (no data is not read as 0)"
        },
        new Object[] {
          new QueryResult.NotFinite(Double.NaN, NOW),
          "query returned NaN; it must return a finite number"
        },
        new Object[] {
          new QueryResult.NotFinite(Double.POSITIVE_INFINITY, NOW),
          "query returned +Inf; it must return a finite number"
        },
        new Object[] {
          new QueryResult.MultipleSeries(List.of(Map.of("pod", "a"), Map.of("pod", "b"))),
          "spec.queue.query returned 2 series, differing in {pod=\"a\"}, {pod=\"b\"}; it must return"
              + " one: wrap it in sum(...), or narrow its label matchers to one series"
        },
        new Object[] {
          new QueryResult.Failure(FailureKind.HTTP, 503, null, "overloaded"),
          "Prometheus answered HTTP 503: overloaded"
        });
  }

  @ParameterizedTest
  @MethodSource("unusableAnswers")
  void unusableAnswerIsAFailureThatHoldsReplicas(QueryResult answer, String cause) {
    SignalReader reader =
        new SignalReader(
            sapi -> (promql, time) -> answer, new OperatorMetrics(new SimpleMeterRegistry()));

    ScaledApiSettings settings =
        ((ParsedSpec.Valid) SpecParser.parse(TestScaledApis.minimalSpec(null))).settings();
    SignalReader.Snapshot snapshot =
        reader.read(
            TestScaledApis.scaledApi("ns", TestScaledApis.minimalSpec(null)),
            settings.queries(),
            NOW);

    assertThat(snapshot.signals().queueDepth().available()).isFalse();
    assertThat(snapshot.signals().queueDepth().failure()).isEqualTo(cause);
    assertThat(snapshot.status().queueDepth().value()).isNull();
    assertThat(snapshot.status().queueDepth().error()).isEqualTo(cause);

    // 5 replicas, and a queue of 0 would have meant 1: the engine holds 5
    Decision decision =
        ScalingEngine.decide(
            new ScalingInput(
                NOW, 5, settings.scaling(), snapshot.signals(), ScalingHistory.empty()));
    assertThat(decision.desiredReplicas()).isEqualTo(5);
    assertThat(decision.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
    assertThat(decision.message())
        .isEqualTo("metrics unavailable (queue: " + cause + "); holding 5 replicas");
  }
}
