package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The worst moments of a run, to zoom into: the windows in which most requests arrived while some
 * policy's queue wait was over the SLO, counted over all policies, none overlapping another.
 *
 * <p>The series hold, per point, the mean arrival rate and each policy's longest wait, not how many
 * requests waited too long; a point counts all the requests that arrived in it for each policy
 * whose longest wait in it was over the SLO. That overstates the count in a point the wait only
 * crossed the SLO in, but ranks the windows where it was crossed longest, by most policies, under
 * the most traffic first.
 */
final class Episodes {

  /** The shortest window, so that a window holds a start-up and what follows it. */
  static final long MIN_SECONDS = 1800;

  /** Points a window spans at least, so that a window of a long run shows a shape. */
  static final int MIN_POINTS = 40;

  /**
   * A window of points {@code [from, to)}.
   *
   * @param requests the requests counted in it, as the class says
   */
  record Episode(int from, int to, double requests) {}

  private Episodes() {}

  /**
   * The points a window spans: 30 min or 40 points, whichever is longer, a third of the run at
   * most.
   */
  static int windowPoints(long stepSeconds, int points) {
    long wanted = Math.max(MIN_POINTS, (MIN_SECONDS + stepSeconds - 1) / stepSeconds);
    return (int) Math.max(1, Math.min(wanted, points / 3));
  }

  /**
   * The requests counted in each point of {@code series}, all of the same run and step: for each
   * policy whose longest wait in the point was over {@code slo} seconds, the requests that arrived
   * in it.
   */
  static double[] overSlo(List<Series> series, double slo) {
    Series first = series.get(0);
    double[] counted = new double[first.points()];
    for (Series s : series) {
      for (int k = 0; k < counted.length; k++) {
        if (s.queueWait()[k] > slo) {
          counted[k] += s.arrivalRate()[k] * s.stepSeconds();
        }
      }
    }
    return counted;
  }

  /**
   * Up to {@code count} windows of {@code width} points with the most of {@code counted}, the most
   * first; none overlaps another, none counts nothing. Of windows side by side that count the same,
   * the middle one; of others that count the same, the earliest.
   */
  static List<Episode> worst(double[] counted, int width, int count) {
    int n = counted.length;
    List<Episode> chosen = new ArrayList<>();
    if (n == 0 || width <= 0) {
      return chosen;
    }
    int w = Math.min(width, n);
    double[] sums = new double[n + 1];
    for (int k = 0; k < n; k++) {
      sums[k + 1] = sums[k] + counted[k];
    }
    while (chosen.size() < count) {
      // the windows that count the most; of a run of them side by side, the middle one, so that
      // what they count sits in the middle
      double most = 0;
      int first = -1;
      int last = -1;
      for (int from = 0; from + w <= n; from++) {
        double requests = sums[from + w] - sums[from];
        if (!(requests > 0) || !free(chosen, from, from + w)) {
          continue;
        }
        if (requests > most * (1 + 1e-12)) {
          most = requests;
          first = from;
          last = from;
        } else if (requests >= most * (1 - 1e-12) && from == last + 1) {
          last = from;
        }
      }
      if (first < 0) {
        break;
      }
      int from = (first + last) / 2;
      chosen.add(new Episode(from, from + w, sums[from + w] - sums[from]));
    }
    chosen.sort(Comparator.comparingDouble(Episode::requests).reversed());
    return chosen;
  }

  private static boolean free(List<Episode> chosen, int from, int to) {
    return chosen.stream().allMatch(e -> to <= e.from() || from >= e.to());
  }
}
