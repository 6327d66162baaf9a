package io.scaledapi.operator.reconciler;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A real exporter, the JVM's shared real Prometheus scraping it every second, and an operator on a
 * {@link Cluster} reading from that Prometheus: what the live reconciler ITs run against.
 */
record LiveStack(
    TestExporter exporter,
    SharedPrometheus prometheus,
    ScaledApiOperator operator,
    SimpleMeterRegistry metrics)
    implements AutoCloseable {
  static final Duration SCRAPE = SharedPrometheus.SCRAPE_INTERVAL;

  static LiveStack start(Cluster cluster, Clock clock) {
    return start(cluster, clock, prometheus -> List.of());
  }

  /**
   * A stack whose operator also allows the addresses {@code allowed} gives for the Prometheus's
   * address, such as those of proxies started in front of it.
   */
  static LiveStack start(Cluster cluster, Clock clock, Function<URI, List<URI>> allowed) {
    TestExporter exporter = TestExporter.start();
    try {
      SharedPrometheus prometheus = SharedPrometheus.scraping(exporter);
      URI address = prometheus.baseUri();
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      return new LiveStack(
          exporter,
          prometheus,
          cluster.startOperator(address, clock, allowed.apply(address), metrics),
          metrics);
    } catch (RuntimeException | Error e) {
      exporter.close();
      throw e;
    }
  }

  @Override
  public void close() {
    operator.close();
    exporter.close();
  }
}
