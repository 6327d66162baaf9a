package io.scaledapi.operator.report;

import java.util.List;
import java.util.Optional;

/**
 * Every run of one policy across its knob's settings, in the order they were swept.
 *
 * @param policy the policy's name, e.g. "hpa" or "ours-reactive"
 * @param knob what its setting turns, e.g. "target (share of capacity)"
 */
public record FrontierCurve(String policy, String knob, List<FrontierPoint> points) {

  public FrontierCurve {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException(policy + " has no points");
    }
  }

  /** The run at the policy's default setting, if it was swept. */
  public Optional<FrontierPoint> defaultPoint() {
    return points.stream().filter(FrontierPoint::isDefault).findFirst();
  }

  public ParetoFrontier frontier() {
    return ParetoFrontier.of(points);
  }
}
