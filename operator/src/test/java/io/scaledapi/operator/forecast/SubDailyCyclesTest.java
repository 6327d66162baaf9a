package io.scaledapi.operator.forecast;

import static io.scaledapi.operator.forecast.Series.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SubDailyCyclesTest {

  static final double MINUTE = 60;

  /** {@code height} times the rate for {@code lasts} s from {@code at} s into every period. */
  static double surge(double t, double every, double at, double lasts, double height) {
    double phase = (t - at) % every;
    return phase >= 0 && phase < lasts ? Math.log(height) : 0;
  }

  /** Feeds the log of a daily cycle with 5% noise plus {@code cycles}, every 15 s for days. */
  static SubDailyCycles fed(DoubleUnaryOperator cycles, double days) {
    SubDailyCycles learned = new SubDailyCycles(ForecastSettings.defaults());
    Random random = new Random(3);
    for (double t = 0; t < days * DAY; t += 15) {
      double daily = Math.log(100 + 50 * Math.sin(2 * Math.PI * t / DAY));
      learned.observe(t, daily + cycles.applyAsDouble(t) + 0.05 * random.nextGaussian());
    }
    return learned;
  }

  @Test
  void findsTwoPeriodsAtOnce() {
    // 2.5 times for 3 minutes at :05, :25 and :45; twice for 4 minutes at :10 and :40
    SubDailyCycles learned =
        fed(
            t ->
                surge(t, 20 * MINUTE, 5 * MINUTE, 3 * MINUTE, 2.5)
                    + surge(t, 30 * MINUTE, 10 * MINUTE, 4 * MINUTE, 2),
            2);
    assertThat(learned.periods()).containsExactly(Duration.ofMinutes(20), Duration.ofMinutes(30));
    assertThat(learned.describe()).isEqualTo("cycles of 20, 30 min");
    double hour = 7 * DAY;
    // the shape, relative to its own mean, inside and between the surges
    double quiet = learned.at(hour + 17 * MINUTE);
    assertThat(learned.at(hour + 26 * MINUTE) - quiet).isCloseTo(Math.log(2.5), within(0.1));
    assertThat(learned.at(hour + 42 * MINUTE) - quiet).isCloseTo(Math.log(2), within(0.1));
    assertThat(learned.at(hour + 35 * MINUTE) - quiet).isCloseTo(0, within(0.05));
  }

  @Test
  void aSurgeEveryHourAndASmallerOneEveryHalfHourAreOneHourlyShape() {
    SubDailyCycles learned =
        fed(
            t ->
                surge(t, 60 * MINUTE, 0, 4 * MINUTE, 3)
                    + surge(t, 60 * MINUTE, 30 * MINUTE, 4 * MINUTE, 1.5),
            2);
    assertThat(learned.periods()).containsExactly(Duration.ofHours(1));
    double quiet = learned.at(DAY + 15 * MINUTE);
    assertThat(learned.at(DAY + 2 * MINUTE) - quiet).isCloseTo(Math.log(3), within(0.1));
    assertThat(learned.at(DAY + 32 * MINUTE) - quiet).isCloseTo(Math.log(1.5), within(0.1));
  }

  @Test
  void aDailyCycleWithNoiseHasNone() {
    SubDailyCycles learned = fed(t -> 0, 3);
    assertThat(learned.periods()).isEmpty();
    assertThat(learned.describe()).isEmpty();
    assertThat(learned.at(3 * DAY + 123)).isZero();
  }

  @Test
  void noCandidatePeriodsTurnsThemOff() {
    SubDailyCycles off =
        new SubDailyCycles(ForecastSettings.defaults().withCyclePeriods(List.of()));
    for (double t = 0; t < 2 * DAY; t += 15) {
      off.observe(t, surge(t, 30 * MINUTE, 0, 4 * MINUTE, 3));
    }
    assertThat(off.periods()).isEmpty();
    assertThat(off.at(DAY + 60)).isZero();
  }

  /** Memory does not grow with history: the same arrays after two days as after twenty. */
  @Test
  void memoryIsBounded() {
    DoubleUnaryOperator surges = t -> surge(t, 30 * MINUTE, 0, 4 * MINUTE, 3);
    long twoDays = bytes(fed(surges, 2));
    long twentyDays = bytes(fed(surges, 20));
    // measured: 17,508 bytes of arrays with the defaults (240 slots of 30 s)
    assertThat(twentyDays).isEqualTo(twoDays).isBetween(15_000L, 20_000L);
  }

  /** The bytes of the arrays reachable from {@code root} through this package's classes. */
  static long bytes(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return bytes(root, seen);
  }

  private static long bytes(Object o, Set<Object> seen) {
    if (o == null || !seen.add(o)) {
      return 0;
    }
    Class<?> type = o.getClass();
    if (type.isArray()) {
      Class<?> element = type.getComponentType();
      if (element.isPrimitive()) {
        int size = element == double.class || element == long.class ? 8 : 4;
        return (long) Array.getLength(o) * size;
      }
      long sum = 0;
      for (int i = 0; i < Array.getLength(o); i++) {
        sum += bytes(Array.get(o, i), seen);
      }
      return sum;
    }
    if (!type.getPackageName().equals(SubDailyCycles.class.getPackageName()) || type.isHidden()) {
      return 0;
    }
    long sum = 0;
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
        continue;
      }
      try {
        field.setAccessible(true);
        sum += bytes(field.get(o), seen);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return sum;
  }
}
