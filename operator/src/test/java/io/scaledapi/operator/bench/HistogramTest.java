package io.scaledapi.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark's quantiles are Prometheus's histogram_quantile of what a window added. */
class HistogramTest {
  private static final MetricsText BEFORE =
      MetricsText.parse(
          """
          # TYPE lateness_seconds histogram
          lateness_seconds_bucket{le="0.5"} 10
          lateness_seconds_bucket{le="1.0"} 10
          lateness_seconds_bucket{le="2.0"} 10
          lateness_seconds_bucket{le="+Inf"} 10
          """);

  @Test
  void quantilesInterpolateWithinTheBucketsAWindowAdded() {
    MetricsText after =
        MetricsText.parse(
            """
            lateness_seconds_bucket{le="0.5"} 60
            lateness_seconds_bucket{le="1.0"} 100
            lateness_seconds_bucket{le="2.0"} 110
            lateness_seconds_bucket{le="+Inf"} 110
            """);

    Histogram window = Histogram.between(BEFORE, after, "lateness_seconds");

    assertThat(window.count()).isEqualTo(100);
    assertThat(window.quantile(0.5)).isCloseTo(0.5, within(1e-9));
    assertThat(window.quantile(0.7)).isCloseTo(0.5 + 0.5 * 20 / 40, within(1e-9));
    assertThat(window.quantile(0.99)).isCloseTo(1.0 + 1.0 * 9 / 10, within(1e-9));
  }

  @Test
  void aQuantileBeyondTheLastBoundSaysSo() {
    MetricsText after =
        MetricsText.parse(
            """
            lateness_seconds_bucket{le="0.5"} 10
            lateness_seconds_bucket{le="1.0"} 10
            lateness_seconds_bucket{le="2.0"} 11
            lateness_seconds_bucket{le="+Inf",extra="a \\"quoted\\" value"} 20
            """);

    Histogram window = Histogram.between(BEFORE, after, "lateness_seconds");

    assertThat(window.quantileText(0.05)).isEqualTo("1.500");
    assertThat(window.quantileText(0.99)).isEqualTo("> 2");
  }
}
