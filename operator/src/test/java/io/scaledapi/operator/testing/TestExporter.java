package io.scaledapi.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny Prometheus target: serves {@code /metrics} in the text exposition format on a free
 * loopback port, with gauges that tests set and remove. Thread-safe.
 */
public final class TestExporter implements AutoCloseable {

  /** Metric name to label set (sorted by label name) to value; guarded by {@code this}. */
  private final Map<String, Map<Map<String, String>, Double>> gauges = new TreeMap<>();

  private final AtomicInteger scrapes = new AtomicInteger();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HttpServer server;

  private TestExporter() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the test exporter", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an exporter without metrics. */
  public static TestExporter start() {
    return new TestExporter();
  }

  /** The scrape target, {@code 127.0.0.1:<port>}. */
  public String target() {
    return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** How many times {@code /metrics} has been served. */
  public int scrapeCount() {
    return scrapes.get();
  }

  /** Sets gauge {@code name} with {@code labels} to {@code value} (NaN and infinities allowed). */
  public synchronized void set(String name, Map<String, String> labels, double value) {
    Exposition.checkName(name);
    labels.keySet().forEach(Exposition::checkLabelName);
    gauges.computeIfAbsent(name, n -> new HashMap<>()).put(new TreeMap<>(labels), value);
  }

  /** Sets gauge {@code name} without labels to {@code value}. */
  public void set(String name, double value) {
    set(name, Map.of(), value);
  }

  /** Removes one series of gauge {@code name}. */
  public synchronized void remove(String name, Map<String, String> labels) {
    Map<Map<String, String>, Double> series = gauges.get(name);
    if (series != null) {
      series.remove(new TreeMap<>(labels));
      if (series.isEmpty()) {
        gauges.remove(name);
      }
    }
  }

  /** Removes every series of gauge {@code name}. */
  public synchronized void remove(String name) {
    gauges.remove(name);
  }

  /** The current exposition text. */
  public synchronized String render() {
    StringBuilder text = new StringBuilder();
    gauges.forEach(
        (name, series) -> {
          text.append("# TYPE ").append(name).append(" gauge\n");
          series.forEach(
              (labels, value) -> {
                text.append(name);
                if (!labels.isEmpty()) {
                  text.append('{');
                  labels.forEach(
                      (label, labelValue) ->
                          text.append(label)
                              .append("=\"")
                              .append(Exposition.escape(labelValue))
                              .append("\","));
                  text.setCharAt(text.length() - 1, '}');
                }
                text.append(' ').append(Exposition.format(value)).append('\n');
              });
        });
    return text.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = render().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      scrapes.incrementAndGet();
    }
  }
}
