package io.scaledapi.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualWindowTest {

  /** The same quantile the slow way: sort the last values and interpolate. */
  static double reference(List<Double> values, double q) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double position = q * (sorted.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }

  @Test
  void quantilesOfTheLastValuesMatchSorting() {
    ResidualWindow window = new ResidualWindow(50);
    List<Double> all = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 1000; i++) {
      // repeated values too, to exercise removal of duplicates
      double value = random.nextInt(4) == 0 ? 0.5 : random.nextGaussian();
      window.add(value);
      all.add(value);
      List<Double> last = all.subList(Math.max(0, all.size() - 50), all.size());
      assertThat(window.size()).isEqualTo(last.size());
      for (double q : new double[] {0, 0.1, 0.5, 0.9, 1}) {
        assertThat(window.quantile(q)).isCloseTo(reference(last, q), within(1e-12));
      }
    }
  }

  @Test
  void smallCases() {
    ResidualWindow window = new ResidualWindow(3);
    assertThatThrownBy(() -> window.quantile(0.5)).isInstanceOf(IllegalStateException.class);
    window.add(2);
    assertThat(window.quantile(0.9)).isEqualTo(2);
    window.add(-1);
    window.add(5);
    window.add(3); // drops 2
    assertThat(Arrays.asList(window.quantile(0), window.quantile(0.5), window.quantile(1)))
        .containsExactly(-1.0, 3.0, 5.0);
  }
}
