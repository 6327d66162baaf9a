package io.scaledapi.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.LatencySpec;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each problem the schema should have caught names the field and the fix. */
class SpecParserTest {

  static ScaledApiSpec spec(
      Integer min,
      Integer max,
      String poll,
      QueueSpec queue,
      LatencySpec latency,
      FallbackSpec fb) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        min,
        max,
        poll,
        null,
        queue,
        latency,
        null,
        null,
        null,
        null,
        fb,
        null,
        null);
  }

  static final QueueSpec QUEUE = new QueueSpec("sum(q)", 10.0);

  static ScaledApiSpec spec(Integer min, Integer max, String poll, String queueQuery) {
    return spec(min, max, poll, new QueueSpec(queueQuery, 10.0), null, null);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(spec(1, 10, "15s", QUEUE, null, null), null),
        Arguments.of(spec(null, 10, null, QUEUE, null, null), null),
        Arguments.of(
            spec(5, 3, "15s", QUEUE, null, null),
            "spec.minReplicas (5) must be less than or equal to spec.maxReplicas (3)"),
        Arguments.of(
            spec(1, 10, "0s", QUEUE, null, null), "spec.pollingInterval must be between 1s and 1h"),
        Arguments.of(
            spec(1, 10, "2h", QUEUE, null, null), "spec.pollingInterval must be between 1s and 1h"),
        Arguments.of(
            spec(1, 10, "15", QUEUE, null, null), "spec.pollingInterval: '15' is not a duration"),
        Arguments.of(
            spec(1, 10, "15s", new QueueSpec("sum(q)", -1.0), null, null),
            "spec.queue.targetPerReplica must be greater than 0"),
        Arguments.of(
            spec(1, 10, "15s", new QueueSpec(" ", 1.0), null, null),
            "spec.queue.query is required"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, null).withCapacitySignals(null, 1.5),
            "spec.targetUtilization must be above 0 and at most 1, e.g. 0.7; got 1.5"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, null).withCapacitySignals(null, 0.0),
            "spec.targetUtilization must be above 0 and at most 1, e.g. 0.7; got 0.0"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, null)
                .withCapacitySignals(new io.scaledapi.api.v1alpha1.ServedRateSpec(""), null),
            "spec.servedRate.query is required"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, null)
                .withCapacitySignals(
                    new io.scaledapi.api.v1alpha1.ServedRateSpec("sum(rate(x[1m]"), null),
            "spec.servedRate.query"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, new LatencySpec("q", "0s"), null),
            "spec.latency.target must be greater than zero"),
        Arguments.of(
            spec(1, 10, "3000000000000000h", QUEUE, null, null),
            "spec.pollingInterval must be between 1s and 1h, e.g. 15s; got 3000000000000000h"),
        Arguments.of(
            spec(1, 10, "99999999999999999999s", QUEUE, null, null),
            "spec.pollingInterval must be between 1s and 1h, e.g. 15s; got 99999999999999999999s"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, new LatencySpec("q", "3000000000000000h"), null),
            "spec.latency.target: '3000000000000000h' is too long: a duration is at most 2562047h"
                + " (about 292 years)"),
        Arguments.of(
            spec(1, 10, "15s", new QueueSpec("sum(q)", Double.POSITIVE_INFINITY), null, null),
            "spec.queue.targetPerReplica must be a finite number, e.g. 10; got Infinity"),
        Arguments.of(
            spec(1, 200_000, "15s", QUEUE, null, null),
            "spec.maxReplicas must be at most 100000; got 200000"),
        Arguments.of(
            spec(150_000, 200_000, "15s", QUEUE, null, null),
            "spec.minReplicas must be at most 100000; got 150000"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, new FallbackSpec(20_000, null)),
            "spec.fallback.failureThreshold must be at most 10000, e.g. 3; got 20000"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, new FallbackSpec(3, 200_000)),
            "spec.fallback.replicas must be at most 100000; got 200000"),
        Arguments.of(
            spec(1, 10, "15s", "(".repeat(2000) + "q" + ")".repeat(2000)),
            "spec.queue.query is not valid PromQL: 1:101: nesting deeper than 100 levels; simplify"
                + " the query"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, null, new FallbackSpec(3, 11)),
            "spec.fallback.replicas (11) must be less than or equal to spec.maxReplicas (10)"),
        Arguments.of(
            spec(1, 10, "15s", new QueueSpec("sum(q", 1.0), null, null),
            "spec.queue.query is not valid PromQL: 1:6: unclosed left parenthesis"),
        Arguments.of(
            spec(
                1, 10, "15s", QUEUE, new LatencySpec("histogram_quantile(0.9, x[5m])", "1s"), null),
            "spec.latency.query is not valid PromQL: 1:1: expected type instant vector in call to"
                + " function \"histogram_quantile\", got range vector"),
        Arguments.of(
            spec(1, 10, "15s", QUEUE, new LatencySpec("rate(x)", "1s"), null),
            "spec.latency.query is not valid PromQL: 1:1: expected type range vector in call to"
                + " function \"rate\", got instant vector"));
  }

  @Test
  void aConfidenceOfTheMedianIsRefused() {
    ScaledApiSpec median =
        new ScaledApiSpec(
            new ScaleTargetRef(null, null, "api"),
            1,
            10,
            "15s",
            null,
            QUEUE,
            null,
            new ArrivalRateSpec("sum(rate(a[1m]))"),
            new PredictionSpec(true, "90s", null, null, 0.5, null, null),
            null,
            null,
            null,
            null,
            null);
    assertThat(SpecParser.parse(median).problems())
        .containsExactly("spec.prediction.confidence must be greater than 0.5, e.g. 0.9; got 0.5");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void problemsNameTheFieldAndTheFix(ScaledApiSpec spec, String expected) {
    if (expected == null) {
      assertThat(SpecParser.parse(spec).problems()).isEmpty();
    } else {
      assertThat(SpecParser.parse(spec).problems())
          .anySatisfy(p -> assertThat(p).startsWith(expected));
    }
  }
}
