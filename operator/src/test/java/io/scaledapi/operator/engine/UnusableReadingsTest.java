package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reading the rules cannot use is a failed reading: a negative queue depth or latency, and one
 * whose replica count overflows (beyond what an int holds, or infinite). Replicas are held, as for
 * a reading that is not a number, and past the scale-down window too: never read as zero.
 */
class UnusableReadingsTest {
  static final ScalingSpec QUEUE = spec(1, 100, 10);
  static final ScalingSpec QUEUE_AND_LATENCY = withLatency(spec(1, 100, 10), 0.25);
  static final int CURRENT = 4;

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of(
            "a negative queue depth",
            QUEUE,
            signals(ok(-5), null),
            "metrics unavailable (queue: depth -5 is negative; a queue is never shorter than"
                + " empty); holding 4 replicas"),
        Arguments.of(
            "a queue depth whose ratio to the target overflows to infinity",
            spec(1, 100, 1e-300),
            signals(ok(1e300), null),
            "metrics unavailable (queue: depth 1.00e+300 over target 1.00e-300 per replica needs more"
                + " replicas than can be counted); holding 4 replicas"),
        Arguments.of(
            "a queue depth beyond 2^31 replicas",
            QUEUE,
            signals(ok(3e10), null),
            "metrics unavailable (queue: depth 30000000000 over target 10 per replica needs more"
                + " replicas than can be counted); holding 4 replicas"),
        Arguments.of(
            "a negative latency",
            QUEUE_AND_LATENCY,
            signals(ok(10), ok(-0.5)),
            "metrics unavailable (latency: -0.5s is negative; a latency is never below 0);"
                + " holding 4 replicas"),
        Arguments.of(
            "a latency whose ratio overflows",
            QUEUE_AND_LATENCY,
            signals(ok(10), ok(1e308)),
            "metrics unavailable (latency: 1.00e+308s over target 0.25s needs more replicas than can"
                + " be counted); holding 4 replicas"),
        Arguments.of(
            "both unusable",
            QUEUE_AND_LATENCY,
            signals(ok(-1), ok(-1)),
            "metrics unavailable (queue: depth -1 is negative; a queue is never shorter than"
                + " empty, latency: -1s is negative; a latency is never below 0); holding 4"
                + " replicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void anUnusableReadingHoldsReplicasPastTheScaleDownWindow(
      String name, ScalingSpec spec, Signals signals, String message) {
    ScalingHistory history = ScalingHistory.empty();
    for (long seconds : List.of(0L, 15L, 301L, 3601L)) {
      Decision decision =
          ScalingEngine.decide(
              new ScalingInput(T0.plusSeconds(seconds), CURRENT, spec, signals, history));
      assertThat(decision.desiredReplicas()).as("at %ss", seconds).isEqualTo(CURRENT);
      assertThat(decision.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
      assertThat(decision.metricsAvailable()).isFalse();
      assertThat(decision.message()).isEqualTo(message);
      history = decision.history();
    }
  }
}
