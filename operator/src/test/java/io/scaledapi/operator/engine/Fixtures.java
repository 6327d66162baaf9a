package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Shared builders for the engine tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Fixtures() {}

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static ScalingSpec spec(int min, int max, double queueTarget) {
    return ScalingSpec.withDefaults(min, max, queueTarget);
  }

  static ScalingSpec withLatency(ScalingSpec s, double targetSeconds) {
    return new Copy(s).latency(OptionalDouble.of(targetSeconds)).build();
  }

  static ScalingSpec withUtilization(ScalingSpec s, double utilization) {
    return new Copy(s).utilization(utilization).build();
  }

  static ScalingSpec withTolerance(ScalingSpec s, double tolerance) {
    return withTolerance(s, Tolerance.both(tolerance));
  }

  static ScalingSpec withTolerance(ScalingSpec s, Tolerance tolerance) {
    return new Copy(s).tolerance(tolerance).build();
  }

  static ScalingSpec withBehavior(ScalingSpec s, Behavior behavior) {
    return new Copy(s).behavior(behavior).build();
  }

  /** {@code s} with KEDA's currentReplicasIfHigher to {@code replicas}, or no fallback if null. */
  static ScalingSpec withFallback(ScalingSpec s, int threshold, Integer replicas) {
    return withFallback(
        s,
        replicas == null ? Optional.empty() : Optional.of(Fallback.ifHigher(threshold, replicas)));
  }

  static ScalingSpec withFallback(ScalingSpec s, Optional<Fallback> fallback) {
    return new Copy(s).fallback(fallback).build();
  }

  static ScalingSpec withPause(ScalingSpec s, Pause pause) {
    return new Copy(s).pause(pause).build();
  }

  /** A spec copied field by field, with some changed. */
  private static final class Copy {
    private final ScalingSpec s;
    private OptionalDouble latency;
    private double utilization;
    private Tolerance tolerance;
    private Behavior behavior;
    private Optional<Fallback> fallback;
    private Pause pause;

    Copy(ScalingSpec s) {
      this.s = s;
      latency = s.latencyTargetSeconds();
      utilization = s.targetUtilization();
      tolerance = s.tolerance();
      behavior = s.behavior();
      fallback = s.fallback();
      pause = s.pause();
    }

    Copy latency(OptionalDouble latency) {
      this.latency = latency;
      return this;
    }

    Copy utilization(double utilization) {
      this.utilization = utilization;
      return this;
    }

    Copy tolerance(Tolerance tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    Copy behavior(Behavior behavior) {
      this.behavior = behavior;
      return this;
    }

    Copy fallback(Optional<Fallback> fallback) {
      this.fallback = fallback;
      return this;
    }

    Copy pause(Pause pause) {
      this.pause = pause;
      return this;
    }

    ScalingSpec build() {
      return new ScalingSpec(
          s.minReplicas(),
          s.maxReplicas(),
          s.queueTargetPerReplica(),
          utilization,
          latency,
          tolerance,
          behavior,
          fallback,
          pause);
    }
  }

  static SignalReading ok(double value) {
    return SignalReading.of(value, T0);
  }

  static SignalReading failed(String reason) {
    return SignalReading.failed(reason);
  }

  static Signals queue(double depth) {
    return Signals.queueOnly(ok(depth));
  }

  static Signals signals(SignalReading queue, SignalReading latency) {
    return new Signals(queue, Optional.ofNullable(latency), Optional.empty());
  }

  static ScalingRules rules(Duration window, SelectPolicy select, ScalingPolicy... policies) {
    return new ScalingRules(window, List.of(policies), select);
  }

  static ScalingPolicy pods(int value, long periodSeconds) {
    return ScalingPolicy.pods(value, Duration.ofSeconds(periodSeconds));
  }

  static ScalingPolicy percent(int value, long periodSeconds) {
    return ScalingPolicy.percent(value, Duration.ofSeconds(periodSeconds));
  }

  /** Events as pairs {secondsAgo, change} relative to {@code now}. */
  static List<ScaleEvent> events(Instant now, int[]... agoAndChange) {
    List<ScaleEvent> events = new ArrayList<>();
    for (int[] pair : agoAndChange) {
      events.add(new ScaleEvent(now.minusSeconds(pair[0]), pair[1]));
    }
    return events;
  }

  /** Recommendations as pairs {secondsAgo, replicas} relative to {@code now}. */
  static List<TimedRecommendation> recs(Instant now, int[]... agoAndReplicas) {
    List<TimedRecommendation> recs = new ArrayList<>();
    for (int[] pair : agoAndReplicas) {
      recs.add(new TimedRecommendation(now.minusSeconds(pair[0]), pair[1]));
    }
    return recs;
  }

  static ScalingHistory history(List<ScaleEvent> up, List<ScaleEvent> down) {
    return new ScalingHistory(List.of(), up, down, 0);
  }

  static int[] p(int a, int b) {
    return new int[] {a, b};
  }
}
