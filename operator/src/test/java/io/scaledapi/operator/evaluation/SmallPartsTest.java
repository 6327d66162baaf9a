package io.scaledapi.operator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** sMAPE and the least-squares solver. */
class SmallPartsTest {

  @Test
  void smapeCountsZeroAgainstZeroAsNoError() {
    Smape smape = new Smape();
    assertThat(smape.percent()).isNaN();
    smape.add(0, 0); // 0
    smape.add(10, 10); // 0
    smape.add(15, 5); // 2 * 10 / 20 = 1
    smape.add(0, 5); // 2
    assertThat(smape.count()).isEqualTo(4);
    assertThat(smape.percent()).isCloseTo(75, within(1e-12));
  }

  @Test
  void solvesNormalEquations() {
    // 2x + y = 5, x + 3y = 10, needing a row swap: x = 1, y = 3
    double[] solution = LeastSquares.solve(new double[][] {{0, 1, 3}, {1, 3, 10}});
    assertThat(solution[0]).isCloseTo(1, within(1e-6));
    assertThat(solution[1]).isCloseTo(3, within(1e-6));
    // two identical features: the tiny ridge still gives a solution that fits
    double[] collinear = LeastSquares.solve(new double[][] {{4, 4, 8}, {4, 4, 8}});
    assertThat(4 * collinear[0] + 4 * collinear[1]).isCloseTo(8, within(1e-6));
  }
}
