package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OperatorMetrics metrics = new OperatorMetrics(registry);

  /** Poll lateness is a histogram in seconds, so that a user can take its p99 with PromQL. */
  @Test
  void pollLatenessIsExportedAsAHistogramInSeconds() {
    metrics.pollLate(Duration.ofMillis(20));
    metrics.pollLate(Duration.ofMillis(1_500));
    metrics.pollLate(Duration.ofSeconds(90));

    String text = registry.scrape();

    assertThat(text)
        .contains("# TYPE scaledapi_poll_lateness_seconds histogram")
        .contains("scaledapi_poll_lateness_seconds_count 3")
        .contains("scaledapi_poll_lateness_seconds_sum 91.52")
        .contains("scaledapi_poll_lateness_seconds_bucket{le=\"1.0\"} 1")
        .contains("scaledapi_poll_lateness_seconds_bucket{le=\"+Inf\"} 3");
    assertThat(text)
        .as("buckets reach past a minute")
        .contains("scaledapi_poll_lateness_seconds_bucket{le=\"91.625968981\"} 3");
  }
}
