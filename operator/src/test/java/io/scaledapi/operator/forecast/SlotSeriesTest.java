package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotSeriesTest {

  final Map<Long, Double> slots = new LinkedHashMap<>();
  final SlotSeries series = new SlotSeries(30, 300);

  void observe(double time, double y) {
    series.observe(time, y, slots::put);
  }

  @Test
  void aSlotIsTheMeanOfItsObservationsAndAnEmptyOneIsInterpolatedAtItsCentre() {
    observe(0, 1);
    observe(10, 2);
    observe(20, 6);
    assertThat(slots).isEmpty(); // slot 0 is not complete yet
    observe(35, 4);
    assertThat(slots).containsExactly(Map.entry(0L, 3.0));
    observe(95, 10);
    // slot 1 holds the observation at 35; slot 2, empty, is read at 75 between 35 and 95
    assertThat(slots).containsKeys(0L, 1L, 2L).hasSize(3);
    assertThat(slots.get(1L)).isEqualTo(4);
    assertThat(slots.get(2L)).isCloseTo(4 + 6 * 40 / 60.0, within(1e-12));
  }

  @Test
  void aGapLongerThanAllowedIsLeftEmpty() {
    observe(5, 1);
    observe(15, 3);
    observe(1000, 7); // 985 s later, more than 300
    assertThat(slots).containsExactly(Map.entry(0L, 2.0));
    observe(1040, 9);
    assertThat(slots).containsExactly(Map.entry(0L, 2.0), Map.entry(33L, 7.0));
  }
}
