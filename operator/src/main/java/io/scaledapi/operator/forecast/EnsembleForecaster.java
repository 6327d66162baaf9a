package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Weighs its members by their recent error at about the requested horizon and draws the band from
 * its own recent residuals there (see {@link HorizonScores}). Blending happens in log space.
 *
 * <p>Cycles shorter than a day ({@link SubDailyCycles}) are taken out before the members see an
 * observation and added back at the target of every forecast: the members forecast the traffic
 * without its surges, and the surges come back where they recur.
 */
final class EnsembleForecaster implements RateForecaster {

  private final List<Member> members;
  private final SubDailyCycles cycles;
  private final List<HorizonScores> ladder = new ArrayList<>();
  private final LogScale scale;
  private final Readiness readiness;
  private double lastTime = Double.NaN;
  private double lastRate;

  EnsembleForecaster(ForecastSettings settings, List<Member> members, SubDailyCycles cycles) {
    this.members = List.copyOf(members);
    this.cycles = cycles;
    this.scale = new LogScale(settings.logOffset());
    this.readiness = new Readiness(settings);
    for (Duration horizon : settings.errorHorizons()) {
      ladder.add(
          new HorizonScores(TimeConstants.seconds(horizon), this.members.size(), settings, scale));
    }
  }

  @Override
  public void observe(Instant time, double rate) {
    double t = TimeConstants.seconds(time);
    if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY) || t <= lastTime) {
      return;
    }
    if (!Double.isNaN(lastTime)) {
      for (HorizonScores scores : ladder) {
        scores.score(lastTime, lastRate, t, rate);
      }
    }
    double y = scale.toLog(rate);
    cycles.observe(t, y);
    double withoutCycles = y - cycles.at(t);
    for (Member member : members) {
      member.observe(t, withoutCycles);
    }
    readiness.observed(t);
    lastTime = t;
    lastRate = rate;
    boolean[] ready = ready();
    for (HorizonScores scores : ladder) {
      if (scores.due(t)) {
        double[] memberLogRates = memberLogRates(t + scores.horizon());
        scores.issue(t, memberLogRates, blend(memberLogRates, scores.weights(ready)));
      }
    }
  }

  @Override
  public Optional<Forecast> forecast(Instant now, Duration horizon, double confidence) {
    if (horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative, got " + horizon);
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
    }
    if (readiness.reason(TimeConstants.seconds(now)).isPresent()) {
      return Optional.empty();
    }
    Instant target = now.plus(horizon);
    double targetTime = TimeConstants.seconds(target);
    double ahead = Math.max(0, targetTime - lastTime);
    HorizonScores scores = nearest(ahead);
    double[] weights = scores.weights(ready());
    double[] memberLogRates = memberLogRates(targetTime);
    double log = blend(memberLogRates, weights);
    double widen = Math.sqrt(Math.max(1, ahead / scores.horizon()));
    double rate = scale.toRate(log);
    double lower =
        Math.min(rate, scale.toRate(log + widen * scores.residualQuantile(1 - confidence)));
    double upper = Math.max(rate, scale.toRate(log + widen * scores.residualQuantile(confidence)));
    return Optional.of(
        new Forecast(target, horizon, rate, lower, upper, model(weights), scores.recentError()));
  }

  @Override
  public Optional<String> notReadyReason(Instant now) {
    return readiness.reason(TimeConstants.seconds(now));
  }

  /** Each member's log rate at {@code target}, with the cycles added back. */
  private double[] memberLogRates(double target) {
    double cycle = cycles.at(target);
    double[] logRates = new double[members.size()];
    for (int i = 0; i < logRates.length; i++) {
      logRates[i] = members.get(i).expectedLogRate(target) + cycle;
    }
    return logRates;
  }

  private boolean[] ready() {
    boolean[] ready = new boolean[members.size()];
    for (int i = 0; i < ready.length; i++) {
      ready[i] = members.get(i).ready();
    }
    return ready;
  }

  private static double blend(double[] memberLogRates, double[] weights) {
    double log = 0;
    for (int i = 0; i < memberLogRates.length; i++) {
      if (weights[i] > 0) {
        log += weights[i] * memberLogRates[i];
      }
    }
    return log;
  }

  /** The tracked horizon nearest to {@code ahead} seconds, by ratio. */
  private HorizonScores nearest(double ahead) {
    HorizonScores best = ladder.get(0);
    double bestDistance = Double.POSITIVE_INFINITY;
    for (HorizonScores scores : ladder) {
      double distance = Math.abs(Math.log(Math.max(ahead, 1) / scores.horizon()));
      if (distance < bestDistance) {
        best = scores;
        bestDistance = distance;
      }
    }
    return best;
  }

  private String model(double[] weights) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      parts.add(String.format(Locale.ROOT, "%s %.2f", members.get(i).name(), weights[i]));
    }
    String described = cycles.describe();
    return String.join(" + ", parts) + (described.isEmpty() ? "" : ", with " + described);
  }
}
