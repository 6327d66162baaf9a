package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.evaluation.HorizonResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTableTest {

  @Test
  void rendersForecastersInRowsAndHorizonsInColumns() {
    List<HorizonResult> results =
        List.of(
            new HorizonResult(60, 27.5, 30, 40, 25, 79.5, 1000, 0),
            new HorizonResult(300, 36, 45, 40, 30, 81.25, 990, 0));
    assertThat(AccuracyTable.render(results, 0.9))
        .isEqualTo(
            """
            | sMAPE | 60 s | 300 s |
            |---|---:|---:|
            | ours: the standard forecaster, default settings | 27.50% | 36.00% |
            | naive: last value | 30.00% | 45.00% |
            | naive: same time yesterday | 40.00% | 40.00% |
            | hindsight least squares (peeks: a ceiling, not a forecaster) | 25.00% | 30.00% |
            | **ours: sMAPE reduction vs the better naive** | 8.33% | 10.00% |
            | hindsight: sMAPE reduction vs the better naive | 16.67% | 25.00% |
            | the better naive | last value | same time yesterday |
            | ours: actuals inside the band (10th to 90th percentile) | 79.50% | 81.25% |
            """);
  }
}
