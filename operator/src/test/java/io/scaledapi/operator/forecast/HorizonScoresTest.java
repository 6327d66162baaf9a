package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HorizonScoresTest {

  final ForecastSettings settings = ForecastSettings.defaults();
  final LogScale scale = new LogScale(settings.logOffset());
  final HorizonScores scores = new HorizonScores(60, 2, settings, scale);

  /** Member 0 forecasts {@code good}, member 1 {@code bad}, the ensemble {@code ensemble}. */
  void issue(double now, double good, double bad, double ensemble) {
    scores.issue(now, new double[] {scale.toLog(good), scale.toLog(bad)}, scale.toLog(ensemble));
  }

  @Test
  void scoresAgainstTheRateInterpolatedAtTheTarget() {
    for (int i = 0; i < 9; i++) {
      double now = 60.0 * i;
      // the actual at now + 60 is 10 + now / 60 (interpolated halfway between 30 s samples)
      issue(now, 11 + i, 2 * (11 + i), 11 + i);
      scores.score(now + 30, 10.5 + i, now + 90, 11.5 + i);
    }
    assertThat(scores.recentError()).isEmpty(); // 9 scored, 10 needed
    issue(540, 20, 40, 30);
    scores.score(570, 19.5, 630, 20.5);
    assertThat(scores.recentError()).isPresent();
    // the ensemble was right nine times and 40% off once (2 * 10 / 50): a running mean of 0.04
    assertThat(scores.recentError().getAsDouble()).isCloseTo(0.04, within(1e-9));
    double[] weights = scores.weights(new boolean[] {true, true});
    assertThat(weights[0]).isGreaterThan(0.99);
    assertThat(weights[0] + weights[1]).isCloseTo(1, within(1e-12));
  }

  @Test
  void unreadyMembersGetNoWeightAndUnscoredOnesShareEqually() {
    assertThat(scores.weights(new boolean[] {true, true})).containsExactly(0.5, 0.5);
    assertThat(scores.weights(new boolean[] {false, true})).containsExactly(0.0, 1.0);
    assertThat(scores.weights(new boolean[] {false, false})).containsExactly(0.5, 0.5);
  }

  @Test
  void forecastsAcrossALongGapAreDroppedUnscored() {
    for (int i = 0; i < HorizonScores.MIN_SCORED; i++) {
      double now = 2000.0 * i;
      assertThat(scores.due(now)).isTrue();
      issue(now, 10, 10, 10);
      // 16 minutes without data around the target, more than staleAfter allows
      scores.score(now + 30, 10, now + 30 + 16 * 60, 10);
    }
    assertThat(scores.recentError()).isEmpty();
    for (int i = 0; i < HorizonScores.MIN_SCORED; i++) {
      double now = 100_000.0 + 60 * i;
      issue(now, 10, 10, 10);
      scores.score(now + 30, 10, now + 90, 10);
    }
    assertThat(scores.recentError()).hasValue(0);
  }

  @Test
  void keepsAForecastAtMostEvery32ndOfTheHorizon() {
    issue(0, 10, 10, 10);
    assertThat(scores.due(1)).isFalse();
    assertThat(scores.due(60.0 / 32)).isTrue();
  }

  @Test
  void bandHasADefaultWidthUntilEnoughResidualsAreScored() {
    double upper = scores.residualQuantile(0.9);
    assertThat(upper).isCloseTo(0.303, within(0.001));
    assertThat(scores.residualQuantile(0.1)).isCloseTo(-upper, within(1e-12));
    for (int i = 0; i < HorizonScores.MIN_RESIDUALS; i++) {
      double now = 60.0 * i;
      issue(now, 10, 10, 10);
      scores.score(now + 30, 10 * (1 + i % 3), now + 90, 10 * (1 + i % 3)); // 10, 20 or 30
    }
    // log residuals: 0, ln(20.5/10.5), ln(30.5/10.5), a third each
    assertThat(scores.residualQuantile(0.05)).isCloseTo(0, within(1e-12));
    assertThat(scores.residualQuantile(0.95)).isCloseTo(Math.log(30.5 / 10.5), within(1e-12));
  }
}
