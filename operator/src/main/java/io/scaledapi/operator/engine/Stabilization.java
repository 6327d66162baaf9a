package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.List;

/**
 * The stabilization windows, as {@code stabilizeRecommendationWithBehaviors} in the HPA's {@code
 * pkg/controller/podautoscaler/horizontal.go}.
 */
final class Stabilization {

  private Stabilization() {}

  /**
   * Holds the move's target within the recent recommendations: the scale-up bound is the minimum of
   * the recommendations in the scale-up window, the scale-down bound the maximum of those in the
   * scale-down window, both including the target itself. Starting from the current count, the
   * result is raised to the scale-up bound, then lowered to the scale-down bound. A recommendation
   * is in a window when it is strictly after {@code now - window}.
   */
  static Limited stabilize(
      ReplicaMove move, List<TimedRecommendation> previous, Behavior behavior) {
    Instant upCutoff = move.now().minus(behavior.scaleUp().stabilizationWindow());
    Instant downCutoff = move.now().minus(behavior.scaleDown().stabilizationWindow());
    int upRecommendation = move.target();
    int downRecommendation = move.target();
    for (TimedRecommendation rec : previous) {
      if (rec.at().isAfter(upCutoff)) {
        upRecommendation = Math.min(upRecommendation, rec.replicas());
      }
      if (rec.at().isAfter(downCutoff)) {
        downRecommendation = Math.max(downRecommendation, rec.replicas());
      }
    }
    int result = move.current();
    if (result < upRecommendation) {
      result = upRecommendation;
    }
    if (result > downRecommendation) {
      result = downRecommendation;
    }
    if (result < move.target()) {
      return new Limited(result, Limit.SCALE_UP_STABILIZATION);
    }
    if (result > move.target()) {
      return new Limited(result, Limit.SCALE_DOWN_STABILIZATION);
    }
    return Limited.unlimited(result);
  }
}
