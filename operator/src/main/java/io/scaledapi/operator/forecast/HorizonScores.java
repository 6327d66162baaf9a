package io.scaledapi.operator.forecast;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What the members and the ensemble forecast at one horizon, and how wrong they turned out. Each
 * forecast waits until the observations on both sides of its target arrive, is scored against the
 * rate interpolated between them, and feeds an exponentially weighted sMAPE per member (with time
 * constant {@code errorMemory}) and the window of the ensemble's log residuals the band is read
 * from. A forecast is kept at most every 1/32 of the horizon, so memory stays bounded.
 */
final class HorizonScores {

  /** Residuals needed before the band is drawn from them rather than from a default width. */
  static final int MIN_RESIDUALS = 30;

  /** Scored forecasts needed before the recent error is reported. */
  static final int MIN_SCORED = 10;

  /** Default log-space standard deviation of the band before enough residuals are scored. */
  private static final double DEFAULT_SPREAD = 0.25;

  private static final int MAX_PENDING = 64;

  private record Pending(double target, double[] members, double ensemble) {}

  private final double horizon;
  private final double errorTau;
  private final double maxGap;
  private final LogScale scale;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final double[] memberError;
  private final ResidualWindow residuals;
  private double ensembleError;
  private long scored;
  private double lastScored = Double.NaN;
  private double lastIssued = Double.NaN;

  HorizonScores(double horizon, int members, ForecastSettings settings, LogScale scale) {
    this.horizon = horizon;
    this.errorTau = TimeConstants.seconds(settings.errorMemory());
    this.maxGap = TimeConstants.seconds(settings.staleAfter());
    this.scale = scale;
    this.memberError = new double[members];
    this.residuals = new ResidualWindow(settings.residualCapacity());
  }

  double horizon() {
    return horizon;
  }

  /** Whether a forecast made at {@code now} should be kept for scoring. */
  boolean due(double now) {
    return Double.isNaN(lastIssued) || now - lastIssued >= horizon / 32;
  }

  /** Keeps the member and ensemble log forecasts made at {@code now} for {@code now + horizon}. */
  void issue(double now, double[] members, double ensemble) {
    if (pending.size() == MAX_PENDING) {
      pending.removeFirst();
    }
    pending.addLast(new Pending(now + horizon, members, ensemble));
    lastIssued = now;
  }

  /**
   * Scores the forecasts whose targets fall in {@code (before, after]} against the rate
   * interpolated between the two observations; across a gap longer than allowed they are dropped.
   */
  void score(double before, double rateBefore, double after, double rateAfter) {
    while (!pending.isEmpty() && pending.peekFirst().target() <= after) {
      Pending p = pending.removeFirst();
      if (after - before > maxGap || p.target() < before) {
        continue;
      }
      double actual =
          rateBefore + (rateAfter - rateBefore) * (p.target() - before) / (after - before);
      double share =
          Double.isNaN(lastScored) ? 1 : TimeConstants.gain(p.target() - lastScored, errorTau);
      share = Math.max(share, 1.0 / (scored + 1));
      for (int i = 0; i < memberError.length; i++) {
        double error = LogScale.smape(scale.toRate(p.members()[i]), actual);
        memberError[i] += share * (error - memberError[i]);
      }
      double error = LogScale.smape(scale.toRate(p.ensemble()), actual);
      ensembleError += share * (error - ensembleError);
      residuals.add(scale.toLog(actual) - p.ensemble());
      scored++;
      lastScored = p.target();
    }
  }

  /**
   * The members' weights, among the ready members: proportional to the inverse eighth power of the
   * recent error (plus 0.01), so that a member clearly better lately gets most of the weight while
   * near-equals share it; equal before anything is scored. When no member is ready, all count.
   */
  double[] weights(boolean[] ready) {
    double[] weights = new double[memberError.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (ready[i]) {
        double error = scored == 0 ? 1 : memberError[i] + 0.01;
        double square = error * error;
        weights[i] = 1 / (square * square * square * square);
        total += weights[i];
      }
    }
    if (total == 0) {
      boolean[] all = new boolean[ready.length];
      Arrays.fill(all, true);
      return weights(all);
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= total;
    }
    return weights;
  }

  /** The log residual quantile {@code q}: empirical once enough are scored, a default before. */
  double residualQuantile(double q) {
    if (residuals.size() < MIN_RESIDUALS) {
      return DEFAULT_SPREAD * Math.sqrt(3) / Math.PI * Math.log(q / (1 - q));
    }
    return residuals.quantile(q);
  }

  /** The ensemble's recent sMAPE as a fraction, once enough forecasts are scored. */
  OptionalDouble recentError() {
    return scored >= MIN_SCORED ? OptionalDouble.of(ensembleError) : OptionalDouble.empty();
  }
}
