package io.scaledapi.operator.engine;

import java.util.Objects;

/**
 * The outcome of one decision.
 *
 * @param desiredReplicas the count to scale to
 * @param recommendedReplicas what the signals (or fallback) asked for, before stabilization, rate
 *     policies and bounds
 * @param reason why the recommendation is what it is
 * @param message one human-readable line
 * @param limitedBy what kept {@code desiredReplicas} away from the recommendation
 * @param metricsAvailable false when any configured signal failed
 * @param history the history to store and pass to the next decision
 */
public record Decision(
    int desiredReplicas,
    int recommendedReplicas,
    Reason reason,
    String message,
    Limit limitedBy,
    boolean metricsAvailable,
    ScalingHistory history) {

  /** Checks for nulls. */
  public Decision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(limitedBy, "limitedBy");
    Objects.requireNonNull(history, "history");
  }

  /** True when the desired count differs from {@code current}. */
  public boolean scales(int current) {
    return desiredReplicas != current;
  }
}
