package io.scaledapi.operator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a decision remembers between runs: recent recommendations (for stabilization), recent scale
 * events (for rate policies) and the number of consecutive decisions with a failed signal.
 */
public record ScalingHistory(
    List<TimedRecommendation> recommendations,
    List<ScaleEvent> scaleUpEvents,
    List<ScaleEvent> scaleDownEvents,
    int consecutiveFailures) {

  /** Copies the lists and checks the failure count. */
  public ScalingHistory {
    recommendations = List.copyOf(recommendations);
    scaleUpEvents = List.copyOf(scaleUpEvents);
    scaleDownEvents = List.copyOf(scaleDownEvents);
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException(
          "consecutiveFailures must not be negative: " + consecutiveFailures);
    }
  }

  /** No history. */
  public static ScalingHistory empty() {
    return new ScalingHistory(List.of(), List.of(), List.of(), 0);
  }

  /**
   * Records a scale from {@code from} to {@code to} replicas at {@code at}; call it after the new
   * count has been written. Events older than the longest allowed policy period (1800 s) before
   * {@code at} are dropped; a decision prunes more tightly using the actual behavior.
   */
  public ScalingHistory withScaleEvent(Instant at, int from, int to) {
    Objects.requireNonNull(at, "at");
    List<ScaleEvent> up = recentEvents(scaleUpEvents, at, ScalingPolicy.MAX_PERIOD);
    List<ScaleEvent> down = recentEvents(scaleDownEvents, at, ScalingPolicy.MAX_PERIOD);
    if (to > from) {
      up.add(new ScaleEvent(at, to - from));
    } else if (to < from) {
      down.add(new ScaleEvent(at, from - to));
    }
    return new ScalingHistory(recommendations, up, down, consecutiveFailures);
  }

  /** This history with {@code (at, replicas)} appended to the recommendations. */
  ScalingHistory withRecommendation(Instant at, int replicas) {
    List<TimedRecommendation> recs = new ArrayList<>(recommendations);
    recs.add(new TimedRecommendation(at, replicas));
    return new ScalingHistory(recs, scaleUpEvents, scaleDownEvents, consecutiveFailures);
  }

  /** This history with another failure count. */
  ScalingHistory withConsecutiveFailures(int failures) {
    return new ScalingHistory(recommendations, scaleUpEvents, scaleDownEvents, failures);
  }

  /**
   * Drops recommendations older than the longest stabilization window and events older than the
   * longest policy period, counted back from {@code now}.
   */
  ScalingHistory prune(Instant now, Behavior behavior) {
    Instant recCutoff = now.minus(behavior.longestWindow());
    List<TimedRecommendation> recs = new ArrayList<>();
    for (TimedRecommendation rec : recommendations) {
      if (!rec.at().isBefore(recCutoff)) {
        recs.add(rec);
      }
    }
    Duration period = behavior.longestPeriod();
    return new ScalingHistory(
        recs,
        recentEvents(scaleUpEvents, now, period),
        recentEvents(scaleDownEvents, now, period),
        consecutiveFailures);
  }

  private static List<ScaleEvent> recentEvents(List<ScaleEvent> events, Instant now, Duration age) {
    Instant cutoff = now.minus(age);
    List<ScaleEvent> kept = new ArrayList<>();
    for (ScaleEvent event : events) {
      if (!event.at().isBefore(cutoff)) {
        kept.add(event);
      }
    }
    return kept;
  }
}
