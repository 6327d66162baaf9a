package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CenteredResidualsTest {

  /**
   * A ramp plus a cycle of the window's period: the residuals are the cycle less its mean, exactly,
   * each handed on once the later half of its window has arrived.
   */
  @ParameterizedTest(name = "period {0}")
  @ValueSource(ints = {3, 4, 12})
  void keepTheCycleWholeAndDropTheRamp(int period) {
    CenteredResiduals residuals = new CenteredResiduals(period);
    Map<Long, Double> out = new LinkedHashMap<>();
    double[] cycle = new double[period];
    double mean = 0;
    for (int k = 0; k < period; k++) {
      cycle[k] = k == 1 ? 3 : -0.5 * k;
      mean += cycle[k] / period;
    }
    int width = period % 2 == 0 ? period + 1 : period;
    for (long i = 100; i < 100 + 5 * period; i++) {
      residuals.slot(i, 7 + 0.25 * i + cycle[(int) (i % period)], out::put);
      long middle = i - width / 2;
      if (i - 100 + 1 < width) {
        assertThat(out).isEmpty();
      } else {
        assertThat(out).containsKey(middle);
        assertThat(out.get(middle)).isCloseTo(cycle[(int) (middle % period)] - mean, within(1e-9));
      }
    }
  }

  @ParameterizedTest(name = "period {0}")
  @ValueSource(ints = {3, 4})
  void aMissingSlotHoldsBackEveryResidualWhoseWindowHoldsIt(int period) {
    CenteredResiduals residuals = new CenteredResiduals(period);
    Map<Long, Double> out = new LinkedHashMap<>();
    for (long i = 0; i < 30; i++) {
      if (i != 10) {
        residuals.slot(i, 1, out::put);
      }
    }
    int width = period % 2 == 0 ? period + 1 : period;
    for (long middle = width / 2; middle < 30 - width / 2; middle++) {
      boolean holdsTheGap = Math.abs(middle - 10) <= width / 2;
      assertThat(out.containsKey(middle)).as("slot %d", middle).isEqualTo(!holdsTheGap);
    }
  }
}
