package io.scaledapi.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The API server's and etcd's own {@code /metrics}. */
final class ControlPlaneMetrics {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KubernetesClient client;
  private final URI etcdMetrics;

  private ControlPlaneMetrics(KubernetesClient client, URI etcdMetrics) {
    this.client = client;
    this.etcdMetrics = etcdMetrics;
  }

  /** For the API server of {@code client} and the etcd this JVM started for it. */
  static ControlPlaneMetrics of(KubernetesClient client) {
    ProcessHandle etcd =
        ProcessCpu.child("etcd")
            .orElseThrow(() -> new IllegalStateException("no etcd started by this JVM"));
    List<String> args = Arrays.asList(etcd.info().arguments().orElseThrow());
    String listen = args.get(args.indexOf("--listen-client-urls") + 1);
    String port = listen.substring(listen.lastIndexOf(':') + 1);
    return new ControlPlaneMetrics(client, URI.create("http://127.0.0.1:" + port + "/metrics"));
  }

  MetricsText apiServer() {
    return MetricsText.parse(client.raw("/metrics"));
  }

  MetricsText etcd() throws IOException, InterruptedException {
    return MetricsText.parse(
        HTTP.send(
                HttpRequest.newBuilder(etcdMetrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}
