package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForecastSettingsTest {

  static ForecastSettings with(UnaryOperator<Object[]> change) {
    ForecastSettings d = ForecastSettings.defaults();
    Object[] a = {
      d.seasonLength(),
      d.seasonSlot(),
      d.seasonalGain(),
      d.warmUp(),
      d.staleAfter(),
      d.logOffset(),
      d.levelMemory(),
      d.trendMemory(),
      d.trendDamping(),
      d.deviationMemory(),
      d.errorHorizons(),
      d.errorMemory(),
      d.residualCapacity(),
      d.cyclePeriods(),
      d.cycleSlot(),
      d.cycleMemory()
    };
    a = change.apply(a);
    @SuppressWarnings("unchecked")
    List<Duration> horizons = (List<Duration>) a[10];
    @SuppressWarnings("unchecked")
    List<Duration> periods = (List<Duration>) a[13];
    return new ForecastSettings(
        (Duration) a[0],
        (Duration) a[1],
        (double) a[2],
        (Duration) a[3],
        (Duration) a[4],
        (double) a[5],
        (Duration) a[6],
        (Duration) a[7],
        (Duration) a[8],
        (Duration) a[9],
        horizons,
        (Duration) a[11],
        (int) a[12],
        periods,
        (Duration) a[14],
        (Duration) a[15]);
  }

  static UnaryOperator<Object[]> set(int index, Object value) {
    return a -> {
      a[index] = value;
      return a;
    };
  }

  @Test
  void defaultsAreADailySeasonAndHalfAnHourOfWarmUp() {
    ForecastSettings d = ForecastSettings.defaults();
    assertThat(d.seasonLength()).isEqualTo(Duration.ofHours(24));
    assertThat(d.warmUp()).isEqualTo(Duration.ofMinutes(30));
    assertThat(with(a -> a)).isEqualTo(d);
    assertThat(d.withSeasonLength(Duration.ofHours(168)))
        .isEqualTo(with(set(0, Duration.ofHours(168))));
    assertThat(d.withWarmUp(Duration.ofMinutes(5))).isEqualTo(with(set(3, Duration.ofMinutes(5))));
  }

  @Test
  void defaultsLookForCyclesOfFiveMinutesToTwoHoursInSlotsOfHalfAMinute() {
    ForecastSettings d = ForecastSettings.defaults();
    assertThat(d.cyclePeriods())
        .extracting(Duration::toMinutes)
        .containsExactly(5L, 10L, 15L, 20L, 30L, 60L, 120L);
    assertThat(d.cycleSlot()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.cycleMemory()).isEqualTo(Duration.ofHours(24));
    assertThat(d.withCyclePeriods(List.of())).isEqualTo(with(set(13, List.of())));
    assertThat(d.withSeasonLength(Duration.ofHours(168)).cyclePeriods())
        .isEqualTo(d.cyclePeriods());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(set(0, Duration.ZERO), "seasonLength must be positive"),
        Arguments.of(set(1, Duration.ofHours(7)), "seasonSlot PT7H must be at most a quarter"),
        Arguments.of(set(2, 1.0), "seasonalGain must be in (0, 1)"),
        Arguments.of(set(2, 0.0), "seasonalGain must be in (0, 1)"),
        Arguments.of(set(3, Duration.ofSeconds(-1)), "warmUp must be positive"),
        Arguments.of(set(5, 0.0), "logOffset must be positive"),
        Arguments.of(set(5, Double.NaN), "logOffset must be positive"),
        Arguments.of(set(8, Duration.ZERO), "trendDamping must be positive"),
        Arguments.of(set(10, List.of()), "errorHorizons must name at least one"),
        Arguments.of(
            set(10, List.of(Duration.ofMinutes(5), Duration.ofMinutes(1))),
            "errorHorizons must be in increasing order"),
        Arguments.of(set(10, List.of(Duration.ZERO)), "errorHorizons[0] must be positive"),
        Arguments.of(set(12, 19), "residualCapacity must be at least 20"),
        Arguments.of(
            set(13, List.of(Duration.ofSeconds(45), Duration.ofMinutes(3))),
            "cyclePeriods[0] PT45S must be a multiple of cycleSlot PT30S"),
        Arguments.of(
            set(13, List.of(Duration.ofSeconds(30))),
            "cyclePeriods[0] PT30S must be a multiple of cycleSlot PT30S, at least two slots"),
        Arguments.of(
            set(13, List.of(Duration.ofMinutes(20), Duration.ofMinutes(30))),
            "cyclePeriods[0] PT20M must divide the longest, PT30M"),
        Arguments.of(
            set(13, List.of(Duration.ofMinutes(30), Duration.ofMinutes(20))),
            "cyclePeriods must be in increasing order"),
        Arguments.of(set(13, List.of(Duration.ofMinutes(7))), "the longest of cyclePeriods, PT7M"),
        Arguments.of(
            set(13, List.of(Duration.ofHours(8))),
            "the longest of cyclePeriods, PT8H, must hold at most 720 slots"),
        Arguments.of(set(14, Duration.ZERO), "cycleSlot must be positive"),
        Arguments.of(set(15, Duration.ofSeconds(-5)), "cycleMemory must be positive"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void invalid(UnaryOperator<Object[]> change, String message) {
    assertThatThrownBy(() -> with(change))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
