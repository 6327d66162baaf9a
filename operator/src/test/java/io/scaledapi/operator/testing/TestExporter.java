package io.scaledapi.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny Prometheus target: serves {@code /metrics} in the text exposition format on a free
 * loopback port, with gauges that tests set and remove. Thread-safe. A test's own {@link
 * PrometheusProcess} scrapes it at {@link #target()}; the JVM's {@link SharedPrometheus} reads its
 * gauges in-process instead, once {@link SharedPrometheus#scraping registered}, until it is closed.
 */
public final class TestExporter implements AutoCloseable {

  /** Metric name to label set (sorted by label name) to value; guarded by {@code this}. */
  private final Map<String, Map<Map<String, String>, Double>> gauges = new TreeMap<>();

  private final AtomicInteger scrapes = new AtomicInteger();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HttpServer server;

  /** The shared Prometheus that reads these gauges, if any; set once, before any claim. */
  private volatile SharedPrometheus scrapedBy;

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

  /**
   * Sets gauge {@code name} with {@code labels} to {@code value} (NaN and infinities allowed).
   *
   * @throws IllegalStateException if this exporter is read by the shared Prometheus and another
   *     live exporter there already serves a gauge of that name
   */
  public void set(String name, Map<String, String> labels, double value) {
    Exposition.checkName(name);
    labels.keySet().forEach(Exposition::checkLabelName);
    SharedPrometheus shared = scrapedBy;
    if (shared != null) {
      shared.claim(this, name);
    }
    synchronized (this) {
      gauges.computeIfAbsent(name, n -> new HashMap<>()).put(new TreeMap<>(labels), value);
    }
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
  public String render() {
    return render(Map.of());
  }

  /** The names of the gauges this exporter serves. */
  synchronized Set<String> names() {
    return Set.copyOf(gauges.keySet());
  }

  /**
   * The current exposition text, each series also carrying {@code extraLabels} (where it has no
   * label of that name itself).
   */
  synchronized String render(Map<String, String> extraLabels) {
    StringBuilder text = new StringBuilder();
    gauges.forEach(
        (name, series) -> {
          text.append("# TYPE ").append(name).append(" gauge\n");
          series.forEach(
              (own, value) -> {
                Map<String, String> labels = new TreeMap<>(extraLabels);
                labels.putAll(own);
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

  /** Stops serving, and leaves the shared Prometheus if it was read there. */
  @Override
  public void close() {
    SharedPrometheus shared = scrapedBy;
    if (shared != null) {
      shared.release(this);
    }
    server.stop(0);
    executor.shutdownNow();
  }

  /** Marks this exporter as read by {@code shared}; see {@link SharedPrometheus#scraping}. */
  void scrapedBy(SharedPrometheus shared) {
    if (scrapedBy != null) {
      throw new IllegalStateException("exporter " + target() + " is already read by " + scrapedBy);
    }
    scrapedBy = shared;
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (Exposition.serve(exchange, this::render)) {
      scrapes.incrementAndGet();
    }
  }
}
