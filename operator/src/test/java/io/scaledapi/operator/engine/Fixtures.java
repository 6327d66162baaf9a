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
    return copy(s, OptionalDouble.of(targetSeconds), s.targetUtilization(), s.tolerance());
  }

  static ScalingSpec withUtilization(ScalingSpec s, double utilization) {
    return copy(s, s.latencyTargetSeconds(), utilization, s.tolerance());
  }

  static ScalingSpec withTolerance(ScalingSpec s, double tolerance) {
    return withTolerance(s, Tolerance.both(tolerance));
  }

  static ScalingSpec withTolerance(ScalingSpec s, Tolerance tolerance) {
    return copy(s, s.latencyTargetSeconds(), s.targetUtilization(), tolerance);
  }

  private static ScalingSpec copy(
      ScalingSpec s, OptionalDouble latency, double utilization, Tolerance tolerance) {
    return new ScalingSpec(
        s.minReplicas(),
        s.maxReplicas(),
        s.queueTargetPerReplica(),
        utilization,
        latency,
        tolerance,
        s.behavior(),
        s.fallback(),
        s.pause());
  }

  static ScalingSpec withBehavior(ScalingSpec s, Behavior behavior) {
    return new ScalingSpec(
        s.minReplicas(),
        s.maxReplicas(),
        s.queueTargetPerReplica(),
        s.targetUtilization(),
        s.latencyTargetSeconds(),
        s.tolerance(),
        behavior,
        s.fallback(),
        s.pause());
  }

  /** {@code s} with KEDA's currentReplicasIfHigher to {@code replicas}, or no fallback if null. */
  static ScalingSpec withFallback(ScalingSpec s, int threshold, Integer replicas) {
    return withFallback(
        s,
        replicas == null ? Optional.empty() : Optional.of(Fallback.ifHigher(threshold, replicas)));
  }

  static ScalingSpec withFallback(ScalingSpec s, Optional<Fallback> fallback) {
    return new ScalingSpec(
        s.minReplicas(),
        s.maxReplicas(),
        s.queueTargetPerReplica(),
        s.targetUtilization(),
        s.latencyTargetSeconds(),
        s.tolerance(),
        s.behavior(),
        fallback,
        s.pause());
  }

  static ScalingSpec withPause(ScalingSpec s, Pause pause) {
    return new ScalingSpec(
        s.minReplicas(),
        s.maxReplicas(),
        s.queueTargetPerReplica(),
        s.targetUtilization(),
        s.latencyTargetSeconds(),
        s.tolerance(),
        s.behavior(),
        s.fallback(),
        pause);
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
