package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The built-in workloads are the same for a seed, and shaped as API traffic is. */
class BuiltInWorkloadsTest {

  private static final int DAY = 86_400;
  private static final Workload WEEK = BuiltInWorkloads.named("daily-spikes", 42, 1);

  /** Mean requests per second of each hour of the day, the median over the week's days. */
  private static double[] typicalHours(Workload w) {
    double[] a = w.arrivals();
    double[] typical = new double[24];
    for (int h = 0; h < 24; h++) {
      double[] days = new double[7];
      for (int d = 0; d < 7; d++) {
        int from = d * DAY + h * 3600;
        days[d] = Arrays.stream(a, from, from + 3600).average().orElseThrow();
      }
      Arrays.sort(days);
      typical[h] = days[3];
    }
    return typical;
  }

  @Test
  void sameSeedSameWorkload() {
    assertThat(BuiltInWorkloads.named("daily-spikes", 42, 1)).isEqualTo(WEEK);
    assertThat(BuiltInWorkloads.named("daily-spikes", 43, 1)).isNotEqualTo(WEEK);
  }

  @Test
  void aWeekOfSecondsFromAMondayMidnight() {
    assertThat(WEEK.seconds()).isEqualTo(7 * DAY);
    assertThat(WEEK.start().atOffset(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(WEEK.start().atOffset(ZoneOffset.UTC).getHour()).isZero();
    assertThat(WEEK.name()).contains("daily-spikes").contains("42");
  }

  @Test
  void aDailyCycleFromAboutThirtyToAboutThreeHundredWithAMorningClimb() {
    double[] hours = typicalHours(WEEK);
    double night = Arrays.stream(hours).min().orElseThrow();
    double day = Arrays.stream(hours).max().orElseThrow();
    assertThat(night).isBetween(25.0, 40.0);
    assertThat(day).isBetween(260.0, 340.0);
    assertThat(hours[3]).isLessThan(40);
    assertThat(hours[14]).isGreaterThan(250);
    // the climb: each morning hour busier than the one before, tripling from 06:00 to 09:00
    for (int h = 5; h < 10; h++) {
      assertThat(hours[h + 1]).as("hour %d", h + 1).isGreaterThan(hours[h]);
    }
    assertThat(hours[9]).isGreaterThan(3 * hours[6]);
  }

  @Test
  void arrivalsAreWholeRequestsWithPoissonNoise() {
    double[] a = WEEK.arrivals();
    assertThat(Arrays.stream(a).allMatch(x -> x == Math.rint(x) && x >= 0)).isTrue();
    // around 03:00 on the first day the mean is about 30: variance close to the mean
    double[] night = Arrays.copyOfRange(a, 3 * 3600, 3 * 3600 + 600);
    double mean = Arrays.stream(night).average().orElseThrow();
    double variance = Arrays.stream(night).map(x -> (x - mean) * (x - mean)).sum() / 599;
    assertThat(variance / mean).isBetween(0.7, 1.6);
  }

  /** Spikes: minutes far above the same minute's typical rate, a few episodes a day. */
  @Test
  void severalSpikesOfThreeToEightTimesLastingMinutes() {
    double[] a = WEEK.arrivals();
    int minutes = a.length / 60;
    double[] perMinute = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      perMinute[m] = Arrays.stream(a, m * 60, m * 60 + 60).average().orElseThrow();
    }
    int episodes = 0;
    int longest = 0;
    int run = 0;
    double highest = 0;
    for (int m = 0; m < minutes; m++) {
      double[] sameMinute = new double[7];
      for (int d = 0; d < 7; d++) {
        sameMinute[d] = perMinute[(d * 1440 + m % 1440)];
      }
      Arrays.sort(sameMinute);
      double ratio = perMinute[m] / sameMinute[3];
      highest = Math.max(highest, ratio);
      if (ratio > 2.5) {
        run++;
        longest = Math.max(longest, run);
        if (run == 1) {
          episodes++;
        }
      } else {
        run = 0;
      }
    }
    assertThat(episodes).isBetween(10, 30);
    assertThat(longest).isBetween(3, 16);
    assertThat(highest).isBetween(4.0, 9.0);
  }

  @Test
  void rateScaleMultipliesTheTraffic() {
    Workload doubled = BuiltInWorkloads.named("daily-spikes", 42, 2);
    double ratio = Arrays.stream(doubled.arrivals()).sum() / Arrays.stream(WEEK.arrivals()).sum();
    assertThat(ratio).isCloseTo(2, within(0.01));
    assertThat(doubled.name()).contains("x2");
  }

  @Test
  void stepIsFlatThenTenTimesHigher() {
    Workload step = BuiltInWorkloads.named("step", 9, 1);
    double[] a = step.arrivals();
    assertThat(a).hasSize(3600);
    assertThat(Arrays.copyOfRange(a, 0, 900)).containsOnly(20.0);
    assertThat(Arrays.copyOfRange(a, 900, 3600)).containsOnly(200.0);
    assertThat(BuiltInWorkloads.named("step", 10, 1)).isEqualTo(step);
    assertThat(BuiltInWorkloads.named("step", 9, 0.5).arrivals()[900]).isEqualTo(100.0);
  }

  @Test
  void namesTheDefaultFirstAndRefusesUnknownOnes() {
    assertThat(BuiltInWorkloads.names()).startsWith(BuiltInWorkloads.DEFAULT).contains("step");
    assertThatThrownBy(() -> BuiltInWorkloads.named("nope", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("daily-spikes");
    assertThatThrownBy(() -> BuiltInWorkloads.named("step", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuiltInWorkloads.named("step", 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
