package io.scaledapi.operator.sim;

import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.ScaleEvent;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.TimedRecommendation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One HPA as the controller keeps it between syncs: its recommendations and scale events, and one
 * sync as {@code reconcileAutoscaler} in kubernetes/kubernetes {@code
 * pkg/controller/podautoscaler/horizontal.go} runs it for a single External metric with an {@code
 * AverageValue} target.
 *
 * <p>What the controller counts as current is the target's {@code scale.spec.replicas}; the usage
 * ratio of {@code GetExternalPerPodMetricReplicas} divides by {@code scale.status.replicas}, which
 * for a Deployment counts every pod created, ready or not, so both are the simulator's spec
 * replicas (running or starting).
 */
final class HorizontalController {

  private final HpaSettings settings;
  private final long targetMilli;
  private final HpaRules.ReplicaRange bounds;
  private final List<TimedRecommendation> recommendations = new ArrayList<>();
  private final List<ScaleEvent> scaleUpEvents = new ArrayList<>();
  private final List<ScaleEvent> scaleDownEvents = new ArrayList<>();
  private boolean synced;

  /**
   * An HPA with {@code targetAverageValue} per replica (kept in milli-units, as the API's quantity
   * holds it) and {@code spec.maxReplicas = maxReplicas}.
   */
  HorizontalController(HpaSettings settings, double targetAverageValue, int maxReplicas) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!(targetAverageValue > 0) || Double.isInfinite(targetAverageValue)) {
      throw new IllegalArgumentException(
          "the target average value must be positive: " + targetAverageValue);
    }
    this.targetMilli = Math.max(1, Math.round(targetAverageValue * 1000));
    this.bounds = new HpaRules.ReplicaRange(settings.minReplicas(), maxReplicas);
  }

  /**
   * One sync at {@code now}: the replicas to write to the scale subresource. {@code usageMilli} is
   * the external metric in milli-units, or empty when the external metrics API returned an error or
   * no value; the HPA then neither scales nor records a recommendation.
   */
  int reconcile(Instant now, int current, OptionalLong usageMilli) {
    if (!synced) {
      // recordInitialRecommendation: the first sync remembers the current count.
      recommendations.add(new TimedRecommendation(now, current));
      synced = true;
    }
    int desired;
    if (current == 0) {
      return 0; // scaling is disabled while the target is at zero and minReplicas is not
    } else if (current > bounds.max()) {
      desired = bounds.max();
    } else if (current < bounds.min()) {
      desired = bounds.min();
    } else if (usageMilli.isEmpty()) {
      return current;
    } else {
      int proposal =
          HpaRules.perPodReplicas(
              Math.max(0, usageMilli.getAsLong()), targetMilli, current, settings.tolerance());
      desired =
          settings.behavior().isPresent()
              ? normalizeWithBehavior(now, current, proposal, settings.behavior().get())
              : normalize(now, current, proposal);
    }
    if (desired != current && settings.behavior().isPresent()) {
      storeScaleEvent(now, current, desired, settings.behavior().get());
    }
    return desired;
  }

  /**
   * {@code normalizeDesiredReplicas} with {@code stabilizeRecommendation}: without a behavior
   * field, the highest recommendation not older than the downscale stabilization window (one
   * exactly at its edge still counts), then the built-in limits.
   */
  private int normalize(Instant now, int current, int proposal) {
    Instant cutoff = now.minus(settings.downscaleStabilization());
    int stabilized = proposal;
    for (TimedRecommendation rec : recommendations) {
      if (!rec.at().isBefore(cutoff)) {
        stabilized = Math.max(stabilized, rec.replicas());
      }
    }
    remember(now, proposal, cutoff);
    return HpaRules.builtInLimits(current, stabilized, bounds.min(), bounds.max());
  }

  /**
   * {@code normalizeDesiredReplicasWithBehaviors} with {@code
   * stabilizeRecommendationWithBehaviors}: from the current count, raised to the lowest
   * recommendation in the scale-up window and lowered to the highest in the scale-down window (both
   * strictly after their cutoff, both including this one), then the rate policies.
   */
  private int normalizeWithBehavior(Instant now, int current, int proposal, Behavior behavior) {
    Instant upCutoff = now.minus(behavior.scaleUp().stabilizationWindow());
    Instant downCutoff = now.minus(behavior.scaleDown().stabilizationWindow());
    int upRecommendation = proposal;
    int downRecommendation = proposal;
    for (TimedRecommendation rec : recommendations) {
      if (rec.at().isAfter(upCutoff)) {
        upRecommendation = Math.min(upRecommendation, rec.replicas());
      }
      if (rec.at().isAfter(downCutoff)) {
        downRecommendation = Math.max(downRecommendation, rec.replicas());
      }
    }
    int stabilized = Math.min(Math.max(current, upRecommendation), downRecommendation);
    remember(now, proposal, upCutoff.isBefore(downCutoff) ? upCutoff : downCutoff);
    return HpaRules.behaviorLimits(
        now, current, stabilized, bounds, scaleUpEvents, scaleDownEvents, behavior);
  }

  /** Records the unstabilized recommendation and forgets those no window can see any more. */
  private void remember(Instant now, int proposal, Instant oldestCutoff) {
    recommendations.removeIf(rec -> rec.at().isBefore(oldestCutoff));
    recommendations.add(new TimedRecommendation(now, proposal));
  }

  /**
   * {@code storeScaleEvent}: with a behavior field, each rescale is remembered as an event of its
   * size at the time it was written; events older than the direction's longest policy period are
   * replaced ({@code markScaleEventsOutdated}). Without a behavior field nothing is stored.
   */
  private void storeScaleEvent(Instant now, int from, int to, Behavior behavior) {
    boolean up = to > from;
    List<ScaleEvent> events = up ? scaleUpEvents : scaleDownEvents;
    ScalingRules rules = up ? behavior.scaleUp() : behavior.scaleDown();
    Instant cutoff = now.minus(rules.longestPeriod());
    events.removeIf(event -> event.at().isBefore(cutoff));
    events.add(new ScaleEvent(now, Math.abs(to - from)));
  }
}
