package io.scaledapi.operator.reconciler;

import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real exporter, a real Prometheus scraping it every second, and an operator on the mock API
 * server reading from that Prometheus: what the live reconciler ITs run against.
 */
record LiveStack(TestExporter exporter, PrometheusProcess prometheus, ScaledApiOperator operator)
    implements AutoCloseable {
  static final Duration SCRAPE = Duration.ofSeconds(1);

  static LiveStack start(MockCluster cluster, Clock clock) {
    TestExporter exporter = TestExporter.start();
    PrometheusProcess prometheus = null;
    try {
      prometheus = PrometheusProcess.start(List.of(exporter.target()), SCRAPE);
      prometheus.awaitTargetUp(Duration.ofSeconds(30));
      return new LiveStack(
          exporter, prometheus, cluster.startOperator(prometheus.baseUri(), clock));
    } catch (RuntimeException e) {
      if (prometheus != null) {
        prometheus.close();
      }
      exporter.close();
      throw e;
    }
  }

  @Override
  public void close() {
    operator.close();
    prometheus.close();
    exporter.close();
  }
}
