package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaledapi.operator.reconciler.OperatorMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The probes and the metrics endpoint, over real HTTP on loopback. */
class HealthAndMetricsServerTest {
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(HealthAndMetricsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesFollowTheOperatorAndMetricsUsePrometheusNames() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry);
    metrics.reconciled("success");
    metrics.scaled("up", true);
    metrics.decided("shop", "checkout", "QueueDepth", 9);
    metrics.forecast("shop", "checkout", 540.5, 610);
    metrics.eventDropped().run();
    AtomicBoolean ready = new AtomicBoolean(false);
    try (HealthAndMetricsServer server =
        new HealthAndMetricsServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            registry,
            () -> true,
            ready::get)) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

      HttpResponse<String> scrape = get(server, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(scrape.body())
          .contains("scaledapi_reconciles_total{result=\"success\"} 1.0")
          .contains("scaledapi_scale_events_total{direction=\"up\",result=\"success\"} 1.0")
          .contains("scaledapi_decisions_total{reason=\"QueueDepth\"} 1.0")
          .contains("scaledapi_events_dropped_total 1.0")
          .contains("scaledapi_desired_replicas{namespace=\"shop\",scaledapi=\"checkout\"} 9.0")
          .contains(
              "scaledapi_forecast_requests_per_second{band=\"point\",namespace=\"shop\","
                  + "scaledapi=\"checkout\"} 540.5")
          .contains(
              "scaledapi_forecast_requests_per_second{band=\"upper\",namespace=\"shop\","
                  + "scaledapi=\"checkout\"} 610.0");
    }
  }
}
