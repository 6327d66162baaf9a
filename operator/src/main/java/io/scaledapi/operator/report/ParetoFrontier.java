package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The points of one policy that no other point of it beats: none costs less or the same and
 * violates the SLO as rarely or less, unless it is the same point. In order of cost; each point
 * costs more and violates less than the one before.
 *
 * <p>Between two points the frontier is read as a straight line in replica-seconds and in the
 * logarithm of the violating share, as it is drawn on a log scale: shares span decades, and a
 * straight line in the share itself would put most of a segment near its higher end. A segment that
 * ends at a share of zero is read linearly. Outside the frontier's costs or shares nothing is read:
 * no extrapolation.
 */
public record ParetoFrontier(List<FrontierPoint> points) {

  /** Relative slack when a value is compared with the ends of the frontier. */
  private static final double SLACK = 1e-9;

  public ParetoFrontier {
    points = List.copyOf(points);
  }

  /**
   * The non-dominated points of {@code candidates}; of points equal in both measures the default is
   * kept, else the first. Points with a measure that is not a finite number are left out.
   */
  public static ParetoFrontier of(List<FrontierPoint> candidates) {
    List<FrontierPoint> sorted = new ArrayList<>();
    for (FrontierPoint p : candidates) {
      if (Double.isFinite(p.replicaSeconds()) && Double.isFinite(p.violatingShare())) {
        sorted.add(p);
      }
    }
    // cheapest first; of equal costs the lowest share; of equal points the default; else stable
    sorted.sort(
        Comparator.comparingDouble(FrontierPoint::replicaSeconds)
            .thenComparingDouble(FrontierPoint::violatingShare)
            .thenComparing(p -> !p.isDefault()));
    List<FrontierPoint> kept = new ArrayList<>();
    for (FrontierPoint p : sorted) {
      if (kept.isEmpty() || p.violatingShare() < kept.get(kept.size() - 1).violatingShare()) {
        kept.add(p);
      }
    }
    return new ParetoFrontier(kept);
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** Whether {@code point} is on the frontier. */
  public boolean contains(FrontierPoint point) {
    return points.contains(point);
  }

  /**
   * The violating share on the frontier at {@code cost} replica-seconds; empty outside the
   * frontier's costs.
   */
  public OptionalDouble shareAt(double cost) {
    if (isEmpty() || !within(cost, first().replicaSeconds(), last().replicaSeconds())) {
      return OptionalDouble.empty();
    }
    for (int i = 0; i + 1 < points.size(); i++) {
      FrontierPoint a = points.get(i);
      FrontierPoint b = points.get(i + 1);
      if (cost <= b.replicaSeconds()) {
        double t = clamp((cost - a.replicaSeconds()) / (b.replicaSeconds() - a.replicaSeconds()));
        return OptionalDouble.of(shareBetween(a.violatingShare(), b.violatingShare(), t));
      }
    }
    return OptionalDouble.of(last().violatingShare());
  }

  /**
   * The replica-seconds on the frontier at a violating share of {@code share}; empty outside the
   * frontier's shares.
   */
  public OptionalDouble costAt(double share) {
    if (isEmpty() || !within(share, last().violatingShare(), first().violatingShare())) {
      return OptionalDouble.empty();
    }
    for (int i = 0; i + 1 < points.size(); i++) {
      FrontierPoint a = points.get(i);
      FrontierPoint b = points.get(i + 1);
      if (share >= b.violatingShare()) {
        double t = clamp(fractionOfShare(a.violatingShare(), b.violatingShare(), share));
        return OptionalDouble.of(
            a.replicaSeconds() + t * (b.replicaSeconds() - a.replicaSeconds()));
      }
    }
    return OptionalDouble.of(last().replicaSeconds());
  }

  private FrontierPoint first() {
    return points.get(0);
  }

  private FrontierPoint last() {
    return points.get(points.size() - 1);
  }

  /** The share a fraction {@code t} of the way from {@code from} to {@code to}. */
  static double shareBetween(double from, double to, double t) {
    if (from > 0 && to > 0) {
      return Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from)));
    }
    return from + t * (to - from);
  }

  /** How far {@code share} is from {@code from} to {@code to}: the inverse of shareBetween. */
  static double fractionOfShare(double from, double to, double share) {
    if (from == to) {
      return 0;
    }
    if (from > 0 && to > 0 && share > 0) {
      return (Math.log(share) - Math.log(from)) / (Math.log(to) - Math.log(from));
    }
    return (share - from) / (to - from);
  }

  private static boolean within(double value, double low, double high) {
    double slack = SLACK * Math.max(Math.abs(low), Math.abs(high));
    return value >= low - slack && value <= high + slack;
  }

  private static double clamp(double t) {
    return Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  }
}
