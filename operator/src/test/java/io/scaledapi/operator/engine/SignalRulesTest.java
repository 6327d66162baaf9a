package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static io.scaledapi.operator.engine.Fixtures.withTolerance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalRulesTest {

  /** The HPA's check, per direction (KEP-4951): {@code 1 - down <= ratio <= 1 + up}. */
  static Stream<Arguments> tolerance() {
    return Stream.of(
        Arguments.of(1.0, 0.1, 0.1, true),
        Arguments.of(1.05, 0.1, 0.1, true),
        Arguments.of(0.95, 0.1, 0.1, true),
        Arguments.of(0.9, 0.1, 0.1, true),
        Arguments.of(1.2, 0.1, 0.1, false),
        Arguments.of(0.8, 0.1, 0.1, false),
        Arguments.of(1.01, 0.0, 0.0, false),
        Arguments.of(1.0, 0.0, 0.0, true),
        // up on a 2% excess, down only on a 20% shortfall
        Arguments.of(1.03, 0.02, 0.2, false),
        Arguments.of(1.02, 0.02, 0.2, true),
        Arguments.of(0.85, 0.02, 0.2, true),
        Arguments.of(0.8, 0.02, 0.2, true),
        Arguments.of(0.79, 0.02, 0.2, false),
        // a scale-down tolerance of 1 never scales down on the ratio
        Arguments.of(0.0, 0.1, 1.0, true),
        Arguments.of(Double.POSITIVE_INFINITY, 0.1, 0.1, false),
        Arguments.of(Double.NaN, 0.1, 0.1, false));
  }

  @ParameterizedTest(name = "ratio {0}, tolerance up {1} down {2} -> {3}")
  @MethodSource
  void tolerance(double ratio, double up, double down, boolean within) {
    assertThat(new Tolerance(up, down).isWithin(ratio)).isEqualTo(within);
  }

  static Stream<Arguments> ceilReplicas() {
    return Stream.of(
        Arguments.of(8.7, 9),
        Arguments.of(9.0, 9),
        Arguments.of(9.001, 10),
        Arguments.of(1.1 / 0.1, 11),
        Arguments.of(0.7 / 0.1, 7),
        Arguments.of(0.0, 0),
        Arguments.of(-3.0, 0),
        Arguments.of(Double.NaN, 0),
        Arguments.of(1e12, Integer.MAX_VALUE));
  }

  @ParameterizedTest(name = "ceil({0}) = {1}")
  @MethodSource
  void ceilReplicas(double value, int expected) {
    assertThat(SignalRules.ceilReplicas(value)).isEqualTo(expected);
  }

  static Stream<Arguments> queueRule() {
    return Stream.of(
        Arguments.of(87.0, 4, 10.0, 0.1, 9, Reason.QUEUE_DEPTH),
        Arguments.of(81.0, 4, 10.0, 0.1, 9, Reason.QUEUE_DEPTH),
        Arguments.of(80.0, 4, 10.0, 0.1, 8, Reason.QUEUE_DEPTH),
        Arguments.of(31.0, 3, 10.0, 0.1, 3, Reason.WITHIN_TOLERANCE),
        Arguments.of(27.0, 3, 10.0, 0.1, 3, Reason.WITHIN_TOLERANCE),
        Arguments.of(34.0, 3, 10.0, 0.1, 4, Reason.QUEUE_DEPTH),
        Arguments.of(101.0, 10, 10.0, 0.1, 10, Reason.WITHIN_TOLERANCE),
        Arguments.of(101.0, 10, 10.0, 0.0, 11, Reason.QUEUE_DEPTH),
        Arguments.of(0.0, 3, 10.0, 0.1, 0, Reason.QUEUE_DEPTH),
        Arguments.of(-5.0, 2, 10.0, 0.1, 0, Reason.QUEUE_DEPTH),
        Arguments.of(5.0, 0, 10.0, 0.1, 1, Reason.QUEUE_DEPTH),
        Arguments.of(0.0, 0, 10.0, 0.1, 0, Reason.QUEUE_DEPTH),
        Arguments.of(0.7, 1, 0.1, 0.1, 7, Reason.QUEUE_DEPTH),
        Arguments.of(15.0, 2, 2.5, 0.1, 6, Reason.QUEUE_DEPTH));
  }

  @ParameterizedTest(name = "depth {0}, current {1}, target {2}, tol {3} -> {4} {5}")
  @MethodSource
  void queueRule(
      double depth, int current, double target, double tol, int replicas, Reason reason) {
    Proposal proposal = SignalRules.queue(depth, current, withTolerance(spec(0, 100, target), tol));
    assertThat(proposal.replicas()).isEqualTo(replicas);
    assertThat(proposal.reason()).isEqualTo(reason);
  }

  static Stream<Arguments> latencyRule() {
    return Stream.of(
        Arguments.of(0.42, 0.25, 4, 0.1, Optional.of(7)),
        Arguments.of(0.5, 0.25, 3, 0.1, Optional.of(6)),
        Arguments.of(0.25, 0.25, 4, 0.1, Optional.empty()),
        Arguments.of(0.1, 0.25, 4, 0.1, Optional.empty()),
        Arguments.of(0.26, 0.25, 4, 0.1, Optional.empty()),
        Arguments.of(0.26, 0.25, 4, 0.0, Optional.of(5)),
        Arguments.of(0.5, 0.25, 0, 0.1, Optional.of(2)),
        Arguments.of(0.26, 0.25, 0, 0.1, Optional.of(2)));
  }

  @ParameterizedTest(name = "latency {0}s, target {1}s, current {2}, tol {3} -> {4}")
  @MethodSource
  void latencyRule(
      double seconds, double target, int current, double tol, Optional<Integer> expected) {
    ScalingSpec spec = withTolerance(withLatency(spec(0, 100, 10), target), tol);
    Optional<Proposal> proposal = SignalRules.latency(seconds, current, spec);
    assertThat(proposal.map(Proposal::replicas)).isEqualTo(expected);
    proposal.ifPresent(p -> assertThat(p.reason()).isEqualTo(Reason.LATENCY));
  }

  static Stream<Arguments> latencyNotConfigured() {
    return Stream.of(Arguments.of(0.42), Arguments.of(100.0), Arguments.of(0.0));
  }

  @ParameterizedTest(name = "latency {0}s without a target proposes nothing")
  @MethodSource
  void latencyNotConfigured(double seconds) {
    assertThat(SignalRules.latency(seconds, 4, spec(0, 100, 10))).isEmpty();
  }

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of(87.0, 4, "queue depth 87 over target 10 per replica -> 9 replicas"),
        Arguments.of(5.0, 4, "queue depth 5 under target 10 per replica -> 1 replica"),
        Arguments.of(31.0, 3, "queue depth 31 within tolerance of 3 x 10"),
        Arguments.of(12.5, 1, "queue depth 12.5 over target 10 per replica -> 2 replicas"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource
  void messages(double depth, int current, String message) {
    assertThat(SignalRules.queue(depth, current, spec(0, 100, 10)).message()).isEqualTo(message);
  }

  static Stream<Arguments> latencyMessages() {
    return Stream.of(
        Arguments.of(0.42, 0.25, 4, "latency 0.42s over target 0.25s -> 7 replicas"),
        Arguments.of(1.5, 1.0, 1, "latency 1.5s over target 1s -> 2 replicas"),
        Arguments.of(0.0125, 0.01, 1, "latency 0.013s over target 0.01s -> 2 replicas"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource
  void latencyMessages(double seconds, double target, int current, String message) {
    ScalingSpec spec = withLatency(spec(0, 100, 10), target);
    assertThat(SignalRules.latency(seconds, current, spec).map(Proposal::message))
        .contains(message);
  }
}
