package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.at;
import static io.scaledapi.operator.engine.Fixtures.events;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.p;
import static io.scaledapi.operator.engine.Fixtures.percent;
import static io.scaledapi.operator.engine.Fixtures.pods;
import static io.scaledapi.operator.engine.Fixtures.recs;
import static io.scaledapi.operator.engine.Fixtures.rules;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withBehavior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HPA behavior examples: sequences of decisions applied one after another. */
class ScalingEngineBehaviorTest {

  private static final Limit UP = Limit.SCALE_UP_RATE;
  private static final Limit DOWN = Limit.SCALE_DOWN_RATE;
  private static final Limit HELD = Limit.SCALE_DOWN_STABILIZATION;
  private static final Limit OFF = Limit.SCALING_DISABLED;
  private static final Limit NONE = Limit.NONE;

  /** Decides every {@code stepSeconds} on the given queue depths, applying each decision. */
  private static List<Decision> run(
      ScalingSpec spec, int start, long stepSeconds, double... queueDepths) {
    int current = start;
    ScalingHistory history = ScalingHistory.empty();
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < queueDepths.length; i++) {
      Instant now = at(i * stepSeconds);
      Signals signals = Signals.queueOnly(SignalReading.of(queueDepths[i], now));
      Decision decision =
          ScalingEngine.decide(new ScalingInput(now, current, spec, signals, history));
      history = decision.history();
      if (decision.scales(current)) {
        history = history.withScaleEvent(now, current, decision.desiredReplicas());
        current = decision.desiredReplicas();
      }
      decisions.add(decision);
    }
    return decisions;
  }

  private static double[] constant(double depth, int steps) {
    double[] depths = new double[steps];
    Arrays.fill(depths, depth);
    return depths;
  }

  private static ScalingSpec behave(ScalingRules up, ScalingRules down) {
    return withBehavior(spec(1, 100, 10), new Behavior(up, down));
  }

  static Stream<Arguments> scenarios() {
    ScalingRules up = ScalingRules.defaultScaleUp();
    ScalingRules down = ScalingRules.defaultScaleDown();
    ScalingRules minSelect = rules(Duration.ZERO, SelectPolicy.MIN, pods(4, 15), percent(100, 15));
    ScalingRules disabled = rules(Duration.ZERO, SelectPolicy.DISABLED, pods(4, 15));
    ScalingRules halfPerMinute = rules(Duration.ZERO, SelectPolicy.MAX, percent(50, 60));
    ScalingRules threePerMinute = rules(Duration.ZERO, SelectPolicy.MAX, pods(3, 60));
    return Stream.of(
        Arguments.of(
            "default scale-up, 15 s steps: max(4 pods, 100%) per 15 s",
            spec(1, 100, 10),
            1,
            15,
            constant(10_000, 7),
            List.of(5, 10, 20, 40, 80, 100, 100),
            List.of(UP, UP, UP, UP, UP, Limit.MAX_REPLICAS, Limit.MAX_REPLICAS)),
        Arguments.of(
            "default scale-up, 10 s steps: an event inside the period holds",
            spec(1, 100, 10),
            1,
            10,
            constant(10_000, 7),
            List.of(5, 5, 10, 10, 20, 20, 40),
            List.of(UP, UP, UP, UP, UP, UP, UP)),
        Arguments.of(
            "Min select: min(4 pods, 100%) per 15 s",
            behave(minSelect, down),
            1,
            15,
            constant(10_000, 5),
            List.of(2, 4, 8, 12, 16),
            List.of(UP, UP, UP, UP, UP)),
        Arguments.of(
            "scale-up disabled",
            behave(disabled, down),
            1,
            15,
            constant(10_000, 3),
            List.of(1, 1, 1),
            List.of(OFF, OFF, OFF)),
        Arguments.of(
            "default scale-down held for the 300 s window, then allowed",
            spec(1, 100, 10),
            10,
            60,
            new double[] {100, 20, 20, 20, 20, 20, 20},
            List.of(10, 10, 10, 10, 10, 2, 2),
            List.of(NONE, HELD, HELD, HELD, HELD, NONE, NONE)),
        Arguments.of(
            "Percent 50 per 60 s down, events inside and outside the period",
            behave(up, halfPerMinute),
            16,
            30,
            constant(10, 7),
            List.of(8, 8, 4, 4, 2, 2, 1),
            List.of(DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, NONE)),
        Arguments.of(
            "scale-down disabled",
            behave(up, disabled),
            10,
            15,
            constant(10, 3),
            List.of(10, 10, 10),
            List.of(OFF, OFF, OFF)),
        Arguments.of(
            "Pods 3 per 60 s up, 20 s steps",
            behave(threePerMinute, down),
            2,
            20,
            constant(1000, 7),
            List.of(5, 5, 5, 8, 8, 8, 11),
            List.of(UP, UP, UP, UP, UP, UP, UP)),
        Arguments.of(
            "queue drop to zero scales down to minReplicas after the window",
            spec(3, 100, 10),
            6,
            150,
            new double[] {60, 0, 0, 0},
            List.of(6, 6, 3, 3),
            List.of(NONE, HELD, Limit.MIN_REPLICAS, Limit.MIN_REPLICAS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void scenarios(
      String name,
      ScalingSpec spec,
      int start,
      long stepSeconds,
      double[] queueDepths,
      List<Integer> desired,
      List<Limit> limits) {
    List<Decision> decisions = run(spec, start, stepSeconds, queueDepths);
    assertThat(decisions).extracting(Decision::desiredReplicas).isEqualTo(desired);
    assertThat(decisions).extracting(Decision::limitedBy).isEqualTo(limits);
  }

  static Stream<Arguments> pruning() {
    return Stream.of(
        Arguments.of(Behavior.defaults(), List.of(6, 4), List.of(1), List.of()),
        Arguments.of(
            new Behavior(
                rules(Duration.ofSeconds(500), SelectPolicy.MAX, pods(4, 60)),
                ScalingRules.defaultScaleDown()),
            List.of(5, 6, 4),
            List.of(2, 1),
            List.of(1)));
  }

  @ParameterizedTest(name = "[{index}] keeps {1}, up {2}, down {3}")
  @MethodSource
  void pruning(
      Behavior behavior, List<Integer> recommendations, List<Integer> up, List<Integer> down) {
    ScalingHistory history =
        new ScalingHistory(
            recs(T0, p(400, 5), p(100, 6)), events(T0, p(20, 2), p(5, 1)), events(T0, p(30, 1)), 0);
    ScalingSpec spec = withBehavior(spec(1, 100, 10), behavior);
    Decision decision =
        ScalingEngine.decide(new ScalingInput(T0, 4, spec, queueSignals(40), history));
    assertThat(decision.history().recommendations())
        .extracting(TimedRecommendation::replicas)
        .isEqualTo(recommendations);
    assertThat(decision.history().scaleUpEvents())
        .extracting(ScaleEvent::replicaChange)
        .isEqualTo(up);
    assertThat(decision.history().scaleDownEvents())
        .extracting(ScaleEvent::replicaChange)
        .isEqualTo(down);
  }

  private static Signals queueSignals(double depth) {
    return Signals.queueOnly(ok(depth));
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of(
            2,
            10,
            0,
            queueSignals(100),
            2,
            Reason.BELOW_MIN,
            Limit.MIN_REPLICAS,
            "current 0 replicas below minReplicas 2 -> 2 replicas",
            true),
        Arguments.of(
            2,
            10,
            1,
            queueSignals(0),
            2,
            Reason.BELOW_MIN,
            Limit.MIN_REPLICAS,
            "current 1 replica below minReplicas 2 -> 2 replicas",
            true),
        Arguments.of(
            2,
            10,
            15,
            queueSignals(1000),
            10,
            Reason.ABOVE_MAX,
            Limit.MAX_REPLICAS,
            "current 15 replicas above maxReplicas 10 -> 10 replicas",
            true),
        Arguments.of(
            2,
            10,
            15,
            signals(failed("timeout"), null),
            10,
            Reason.ABOVE_MAX,
            Limit.MAX_REPLICAS,
            "current 15 replicas above maxReplicas 10 -> 10 replicas",
            false));
  }

  @ParameterizedTest(name = "[{index}] {7}")
  @MethodSource
  void outOfRange(
      int min,
      int max,
      int current,
      Signals signals,
      int desired,
      Reason reason,
      Limit limit,
      String message,
      boolean available) {
    ScalingInput input =
        new ScalingInput(T0, current, spec(min, max, 10), signals, ScalingHistory.empty());
    Decision decision = ScalingEngine.decide(input);
    assertThat(decision.desiredReplicas()).isEqualTo(desired);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.limitedBy()).isEqualTo(limit);
    assertThat(decision.message()).isEqualTo(message);
    assertThat(decision.metricsAvailable()).isEqualTo(available);
    assertThat(decision.history().recommendations()).isEmpty();
    assertThat(decision.history().consecutiveFailures()).isEqualTo(available ? 0 : 1);
  }
}
