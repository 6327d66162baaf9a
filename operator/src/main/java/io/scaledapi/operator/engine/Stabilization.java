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
   * Holds the step's target within the recent recommendations: the scale-up bound is the minimum of
   * the recommendations in the scale-up window, the scale-down bound the maximum of those in the
   * scale-down window, both including the target itself. Starting from the current count, the
   * result is raised to the scale-up bound, then lowered to the scale-down bound. A recommendation
   * is in a window when it is strictly after {@code now - window}.
   */
  static Limited stabilize(Step step, List<TimedRecommendation> previous, Behavior behavior) {
    Instant upCutoff = step.now().minus(behavior.scaleUp().stabilizationWindow());
    Instant downCutoff = step.now().minus(behavior.scaleDown().stabilizationWindow());
    int upRecommendation = step.target();
    int downRecommendation = step.target();
    for (TimedRecommendation rec : previous) {
      if (rec.at().isAfter(upCutoff)) {
        upRecommendation = Math.min(upRecommendation, rec.replicas());
      }
      if (rec.at().isAfter(downCutoff)) {
        downRecommendation = Math.max(downRecommendation, rec.replicas());
      }
    }
    int result = step.current();
    if (result < upRecommendation) {
      result = upRecommendation;
    }
    if (result > downRecommendation) {
      result = downRecommendation;
    }
    if (result < step.target()) {
      return new Limited(result, Limit.SCALE_UP_STABILIZATION);
    }
    if (result > step.target()) {
      return new Limited(result, Limit.SCALE_DOWN_STABILIZATION);
    }
    return Limited.unlimited(result);
  }
}
