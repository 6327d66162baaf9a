package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Mean requests per second of each minute. */
  private static double[] perMinute(Workload w) {
    double[] a = w.arrivals();
    double[] minutes = new double[a.length / 60];
    for (int m = 0; m < minutes.length; m++) {
      minutes[m] = Arrays.stream(a, m * 60, m * 60 + 60).average().orElseThrow();
    }
    return minutes;
  }

  private static double median(double[] values, int from, int to) {
    double[] part = Arrays.copyOfRange(values, from, to);
    Arrays.sort(part);
    return part[part.length / 2];
  }

  @ParameterizedTest
  @ValueSource(strings = {"daily-spikes", "cron-surges", "scheduled-ramp"})
  void sameSeedSameWorkload(String name) {
    Workload w = BuiltInWorkloads.named(name, 42, 1);
    assertThat(BuiltInWorkloads.named(name, 42, 1)).isEqualTo(w);
    assertThat(BuiltInWorkloads.named(name, 43, 1)).isNotEqualTo(w);
    assertThat(w.seconds()).isEqualTo(7 * DAY);
    assertThat(w.name()).contains(name).contains("42");
  }

  /** The default's numbers stay what they were when other workloads came to share its cycle. */
  @Test
  void dailySpikesAreTheSameForASeedAsEver() {
    assertThat(Arrays.hashCode(WEEK.arrivals())).isEqualTo(1666912257);
    assertThat(Arrays.hashCode(BuiltInWorkloads.named("daily-spikes", 7, 2.5).arrivals()))
        .isEqualTo(786504705);
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

  /** The typical minute around minute {@code at}: medians of minutes 8 to 20 before and after. */
  private static double quietAround(double[] minutes, int at) {
    return (median(minutes, at - 20, at - 7) + median(minutes, at + 8, at + 21)) / 2;
  }

  /**
   * At the top of every hour, minutes 1 and 2 run 2 to 4 times the minutes around them, minutes 0
   * to 2 are all well above them, and minute 6 is back among them; at the half hour the surge is
   * smaller.
   */
  @Test
  void cronSurgesAtTheTopOfEveryHourAndSmallerOnesAtTheHalf() {
    Workload w = BuiltInWorkloads.named("cron-surges", 42, 1);
    double[] minutes = perMinute(w);
    int hours = minutes.length / 60;
    double[] top = new double[hours - 1];
    double[] half = new double[hours - 1];
    for (int h = 1; h < hours; h++) {
      int from = h * 60;
      double quiet = quietAround(minutes, from);
      top[h - 1] = (minutes[from + 1] + minutes[from + 2]) / 2 / quiet;
      for (int m = 0; m < 3; m++) {
        assertThat(minutes[from + m] / quiet).as("hour %d, minute %d", h, m).isGreaterThan(1.5);
      }
      assertThat(minutes[from + 6] / quiet).as("hour %d, minute 6", h).isLessThan(1.3);
      double quietHalf = quietAround(minutes, from + 30);
      half[h - 1] = (minutes[from + 31] + minutes[from + 32]) / 2 / quietHalf;
      assertThat(minutes[from + 36] / quietHalf).as("hour %d, minute 36", h).isLessThan(1.3);
    }
    Arrays.sort(top);
    Arrays.sort(half);
    assertThat(top[0]).isGreaterThan(1.7);
    assertThat(top[top.length - 1]).isLessThan(4.5);
    assertThat(top[top.length / 2]).isBetween(2.6, 3.4);
    assertThat(half[0]).isGreaterThan(1.05);
    assertThat(half[half.length / 2]).isBetween(1.4, 1.7);
    assertThat(half[half.length - 1]).isLessThan(2);
    double[] typical = typicalHours(w);
    assertThat(typical[14]).isGreaterThan(5 * typical[3]);
  }

  /**
   * Every day at 19:00 the traffic climbs to about five times within three minutes, stays for 20 to
   * 40 minutes, and is back to normal by 19:50; outside the event no minute of the week is far
   * above the same minute's median.
   */
  @Test
  void scheduledRampEveryDayAtSevenInTheEvening() {
    Workload w = BuiltInWorkloads.named("scheduled-ramp", 42, 1);
    double[] minutes = perMinute(w);
    int start = 19 * 60;
    for (int d = 0; d < 7; d++) {
      int at = d * 1440 + start;
      double before = median(minutes, at - 20, at - 5);
      assertThat(minutes[at - 1] / before).as("day %d, 18:59", d).isLessThan(1.3);
      assertThat(minutes[at + 3] / before).as("day %d, 19:03", d).isBetween(3.8, 6.5);
      assertThat(median(minutes, at + 3, at + 20) / before).as("day %d", d).isBetween(4.0, 6.5);
      assertThat(minutes[at + 50] / before).as("day %d, 19:50", d).isLessThan(1.5);
    }
    int far = 0;
    for (int m = 0; m < minutes.length; m++) {
      if (m % 1440 >= start - 5 && m % 1440 <= start + 50) {
        continue;
      }
      double[] sameMinute = new double[7];
      for (int d = 0; d < 7; d++) {
        sameMinute[d] = minutes[d * 1440 + m % 1440];
      }
      Arrays.sort(sameMinute);
      far += minutes[m] > 2 * sameMinute[3] ? 1 : 0;
    }
    assertThat(far).isZero();
  }

  @Test
  void namesTheDefaultFirstAndRefusesUnknownOnes() {
    assertThat(BuiltInWorkloads.names())
        .startsWith(BuiltInWorkloads.DEFAULT)
        .contains("step", "cron-surges", "scheduled-ramp");
    assertThatThrownBy(() -> BuiltInWorkloads.named("nope", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("daily-spikes");
    assertThatThrownBy(() -> BuiltInWorkloads.named("step", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuiltInWorkloads.named("step", 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
