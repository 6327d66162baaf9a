package io.scaledapi.operator.engine;

import java.time.Instant;

/**
 * The scaling decision, a pure function of its input. It follows the HPA's reconcileAutoscaler and
 * normalizeDesiredReplicasWithBehaviors in {@code pkg/controller/podautoscaler/horizontal.go}:
 * per-signal recommendation (raised to what an enforced forecast needs), stabilization window, rate
 * policies, then the replica bounds. A current count outside the bounds is moved straight to the
 * nearest bound. Last, a paused direction holds the current count.
 */
public final class ScalingEngine {

  private ScalingEngine() {}

  /** Decides the desired replica count and the history to keep for the next decision. */
  public static Decision decide(ScalingInput input) {
    ScalingSpec spec = input.spec();
    Instant now = input.now();
    int current = input.currentReplicas();
    Recommendation rec = ForecastFloor.raise(Recommender.recommend(input), input);
    ScalingHistory history = input.history().withConsecutiveFailures(rec.consecutiveFailures());

    if (current < spec.minReplicas() || current > spec.maxReplicas()) {
      return outOfRange(input, rec, history.prune(now, spec.behavior()));
    }
    if (!rec.recorded()) {
      return decision(rec, Limited.unlimited(current), history.prune(now, spec.behavior()));
    }
    ReplicaMove move = new ReplicaMove(now, current, rec.replicas());
    Limited stabilized = Stabilization.stabilize(move, history.recommendations(), spec.behavior());
    history = history.withRecommendation(now, rec.replicas());
    Limited rated = RateLimits.apply(move.withTarget(stabilized.replicas()), spec, history);
    Limited bounded = ReplicaClamp.clamp(rated.replicas(), spec);
    Limited held = spec.pause().hold(current, bounded.replicas());
    Limit limit = firstLimit(held.limit(), bounded.limit(), rated.limit(), stabilized.limit());
    return decision(rec, new Limited(held.replicas(), limit), history.prune(now, spec.behavior()));
  }

  /** The first limit that is not {@link Limit#NONE}, the outermost rule's first. */
  private static Limit firstLimit(Limit... limits) {
    for (Limit limit : limits) {
      if (limit != Limit.NONE) {
        return limit;
      }
    }
    return Limit.NONE;
  }

  private static Decision decision(Recommendation rec, Limited desired, ScalingHistory history) {
    return new Decision(
        desired.replicas(),
        rec.replicas(),
        rec.reason(),
        rec.message() + Format.limitSuffix(desired.limit(), desired.replicas()),
        desired.limit(),
        rec.metricsAvailable(),
        history);
  }

  private static Decision outOfRange(
      ScalingInput input, Recommendation rec, ScalingHistory history) {
    ScalingSpec spec = input.spec();
    int current = input.currentReplicas();
    boolean below = current < spec.minReplicas();
    int bound = below ? spec.minReplicas() : spec.maxReplicas();
    Limited held = spec.pause().hold(current, bound);
    Limit limit = firstLimit(held.limit(), below ? Limit.MIN_REPLICAS : Limit.MAX_REPLICAS);
    String message =
        "current "
            + Format.replicas(current)
            + (below ? " below minReplicas " : " above maxReplicas ")
            + bound
            + " -> "
            + Format.replicas(bound)
            + Format.limitSuffix(held.limit(), held.replicas());
    return new Decision(
        held.replicas(),
        rec.replicas(),
        below ? Reason.BELOW_MIN : Reason.ABOVE_MAX,
        message,
        limit,
        rec.metricsAvailable(),
        history);
  }
}
