package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeasonalProfileTest {

  static final double DAY = 86_400;

  @Test
  void interpolatesBetweenSlotCentresAndWrapsAround() {
    // four slots of six hours, centres at 3 h, 9 h, 15 h and 21 h
    SeasonalProfile profile = new SeasonalProfile(DAY, 6 * 3600, 0.5);
    profile.fill(0);
    double[] values = {1, 2, 3, 4};
    for (int i = 0; i < 4; i++) {
      profile.learn((3 + 6 * i) * 3600.0, values[i], 6 * 3600); // at a centre: only that slot
    }
    assertThat(profile.at(3 * 3600)).isCloseTo(1, within(1e-12));
    assertThat(profile.at(6 * 3600)).isCloseTo(1.5, within(1e-12));
    assertThat(profile.at(12 * 3600)).isCloseTo(2.5, within(1e-12));
    // across midnight, between the last slot and the first
    assertThat(profile.at(0)).isCloseTo(2.5, within(1e-12));
    assertThat(profile.at(DAY - 1)).isCloseTo(2.5, within(1e-3));
    // a later season lands on the same phases
    assertThat(profile.at(7 * DAY + 6 * 3600)).isCloseTo(1.5, within(1e-12));
    assertThat(profile.at(-DAY + 6 * 3600)).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void firstVisitsAverageThenEachSeasonMovesByTheGain() {
    SeasonalProfile profile = new SeasonalProfile(DAY, 900, 0.25);
    profile.fill(0);
    double centre = 10 * 900 + 450;
    // first visit: a plain average of what was seen, however it was sampled
    profile.learn(centre, 2, 300);
    profile.learn(centre, 4, 300);
    assertThat(profile.at(centre)).isCloseTo(3, within(1e-12));
    // many seasons of 8 at this phase: converges to 8; then one season of 0 moves it by 1/4
    for (int season = 1; season <= 40; season++) {
      for (int i = 0; i < 60; i++) {
        profile.learn(season * DAY + centre, 8, 15); // one slot length of 15 s samples
      }
    }
    assertThat(profile.at(centre)).isCloseTo(8, within(1e-3));
    profile.learn(41 * DAY + centre, 0, 900);
    assertThat(profile.at(centre)).isCloseTo(8 * 0.75, within(1e-3));
  }
}
