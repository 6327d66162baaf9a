package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-second window averages of Knative's autoscaler. */
class KnativeWindowTest {

  static KnativeWindow window(long seconds) {
    return new KnativeWindow(Duration.ofSeconds(seconds));
  }

  @Test
  void aYoungWindowAveragesOnlyTheSecondsSinceItsFirstWrite() {
    KnativeWindow w = window(60);
    w.record(0, 10);
    w.record(1, 20);
    assertThat(w.average(1)).isEqualTo(15);
  }

  @Test
  void aFullWindowRollsOver() {
    KnativeWindow w = window(3);
    for (long t = 0; t <= 4; t++) {
      w.record(t, t + 1);
    }
    assertThat(w.average(4)).isEqualTo(4); // (3 + 4 + 5) / 3
  }

  @Test
  void valuesOfTheSameSecondAddUp() {
    KnativeWindow w = window(3);
    w.record(0, 2);
    w.record(0, 4);
    assertThat(w.average(0)).isEqualTo(6);
  }

  @Test
  void aShortGapCountsAsZeros() {
    KnativeWindow w = window(4);
    w.record(0, 8);
    w.record(2, 4);
    assertThat(w.average(2)).isEqualTo(4); // (8 + 0 + 4) / 3
  }

  @Test
  void readingLaterDropsTheSecondsThatLeftTheWindow() {
    KnativeWindow w = window(4);
    w.record(0, 4);
    w.record(1, 8);
    w.record(2, 12);
    // at 4 the window is seconds 1 to 4; seconds 3 and 4 have no data yet
    assertThat(w.average(4)).isEqualTo(10); // (8 + 12) / min(3 written, 4 - 2)
  }

  @Test
  void aGapOfAWholeWindowStartsOver() {
    KnativeWindow w = window(3);
    w.record(0, 9);
    assertThat(w.average(3)).isZero();
    w.record(5, 3);
    assertThat(w.average(5)).isEqualTo(3);
  }

  @Test
  void aLateValueInsideTheWindowStillCountsAndAnOlderOneDoesNot() {
    KnativeWindow w = window(3);
    w.record(5, 6);
    w.record(4, 3);
    assertThat(w.average(5)).isEqualTo(4.5);
    w.record(1, 100);
    assertThat(w.average(5)).isEqualTo(4.5);
  }

  @Test
  void averagesAreRoundedToSixDecimals() {
    KnativeWindow w = window(3);
    w.record(0, 1);
    w.record(1, 1);
    w.record(2, 0);
    assertThat(w.average(2)).isEqualTo(0.666667);
  }

  @Test
  void needsAtLeastOneSecond() {
    assertThatThrownBy(() -> window(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
