package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The test JVM's one real Prometheus, for the tests that read {@link TestExporter} gauges through
 * Prometheus: started by the first of them, stopped when the JVM exits. Starting a Prometheus takes
 * seconds, most of them before its first scrape (its target discovery hands targets over every 5
 * s), so the tests share one instead of starting their own.
 *
 * <p>Prometheus scrapes one target, a hub in this JVM, every second. The hub serves the gauges of
 * every exporter {@link #scraping registered} and not yet closed, each series labelled {@code
 * job="test"} and {@code instance} the exporter's own address, which Prometheus keeps ({@code
 * honor_labels}): the same series a Prometheus scraping each exporter at its address would store.
 *
 * <p>Tests stay apart: each has its own exporter, and so its own {@code instance} label; while an
 * exporter is registered, no other may serve a gauge of a name it serves (so that a query such as
 * {@code sum(name)} reads one test's series alone; {@link TestExporter#set} fails otherwise); and
 * once an exporter is closed, its series vanish from the next scrape and Prometheus marks them
 * stale, which the next registration waits for. A test that stops or restarts Prometheus, or needs
 * backfilled history or other flags, starts a {@link PrometheusProcess} of its own.
 */
public final class SharedPrometheus {
  /** How often Prometheus scrapes the hub. */
  public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

  /** One series per registration, which tells when Prometheus has stored a scrape with it. */
  private static final String REGISTERED = "shared_prometheus_registration";

  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);

  private static SharedPrometheus instance; // guarded by SharedPrometheus.class

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HttpServer hub;
  private final PrometheusProcess prometheus;
  private final AtomicLong registrations = new AtomicLong();

  /** Registered exporters, to the number of their registration; guarded by {@code this}. */
  private final Map<TestExporter, Long> registered = new LinkedHashMap<>();

  /** Gauge name to the registered exporter serving it; guarded by {@code this}. */
  private final Map<String, TestExporter> owners = new HashMap<>();

  private SharedPrometheus() {
    try {
      hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the shared Prometheus's scrape hub", e);
    }
    hub.createContext("/", this::handle);
    hub.setExecutor(executor);
    hub.start();
    String target =
        hub.getAddress().getAddress().getHostAddress() + ":" + hub.getAddress().getPort();
    try {
      prometheus = PrometheusProcess.startHonoringLabels(target, SCRAPE_INTERVAL);
      prometheus.awaitTargetUp(STORED_WITHIN);
    } catch (RuntimeException | Error e) {
      stopHub();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(this::stopEverything, "stop-shared-prometheus"));
  }

  /** The JVM's shared Prometheus, started on first use. */
  public static synchronized SharedPrometheus get() {
    if (instance == null) {
      instance = new SharedPrometheus();
    }
    return instance;
  }

  /** The shared Prometheus's log, or null when none was started in this JVM. */
  static synchronized String logIfStarted() {
    return instance == null ? null : instance.log();
  }

  /**
   * Has the JVM's shared Prometheus scrape {@code exporter}'s gauges every {@link
   * #SCRAPE_INTERVAL}, until the exporter is closed; returns once Prometheus has stored a scrape
   * with them, and with every series of exporters closed before marked stale.
   *
   * @throws IllegalStateException if another registered exporter serves a gauge of a name this one
   *     serves
   */
  public static SharedPrometheus scraping(TestExporter exporter) {
    SharedPrometheus shared = get();
    shared.register(exporter);
    return shared;
  }

  /** The server's address, {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return prometheus.baseUri();
  }

  /** The version Prometheus reports, such as {@code 2.42.0}. */
  public String version() {
    return prometheus.version();
  }

  /** Everything Prometheus has written to its log so far. */
  public String log() {
    return prometheus.log();
  }

  @Override
  public String toString() {
    return "shared Prometheus at " + baseUri();
  }

  private void register(TestExporter exporter) {
    exporter.scrapedBy(this);
    long registration;
    synchronized (this) {
      for (String name : exporter.names()) {
        claim(exporter, name);
      }
      registration = registrations.incrementAndGet();
      registered.put(exporter, registration);
    }
    String stored = REGISTERED + "{registration=\"" + registration + "\"}";
    try {
      await("Prometheus stores a scrape of " + exporter.target())
          .atMost(STORED_WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !prometheus.query(stored).isEmpty());
    } catch (ConditionTimeoutException e) {
      release(exporter);
      throw new AssertionError(
          "Prometheus did not store a scrape of " + exporter.target() + "\n" + log(), e);
    }
  }

  /**
   * Lets {@code exporter} serve gauge {@code name}, unless another registered exporter does.
   *
   * @throws IllegalStateException if another registered exporter serves it
   */
  synchronized void claim(TestExporter exporter, String name) {
    TestExporter owner = owners.putIfAbsent(name, exporter);
    if (owner != null && owner != exporter) {
      throw new IllegalStateException(
          "gauge "
              + name
              + " is already served to the shared Prometheus by the exporter at "
              + owner.target()
              + ", registered by another test that has not closed it; tests sharing Prometheus"
              + " must not see each other's series");
    }
  }

  /** Stops scraping {@code exporter}: its series vanish from the next scrape. */
  synchronized void release(TestExporter exporter) {
    registered.remove(exporter);
    owners.values().removeIf(owner -> owner == exporter);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Exposition.serve(exchange, this::render);
  }

  private String render() {
    List<Map.Entry<TestExporter, Long>> exporters;
    synchronized (this) {
      exporters = List.copyOf(registered.entrySet());
    }
    // one family after another: first the registrations, then each exporter's gauges
    StringBuilder text = new StringBuilder("# TYPE " + REGISTERED + " gauge\n");
    for (Map.Entry<TestExporter, Long> e : exporters) {
      text.append(REGISTERED)
          .append("{job=\"test\",instance=\"")
          .append(e.getKey().target())
          .append("\",registration=\"")
          .append(e.getValue())
          .append("\"} 1\n");
    }
    for (Map.Entry<TestExporter, Long> e : exporters) {
      text.append(e.getKey().render(Map.of("job", "test", "instance", e.getKey().target())));
    }
    return text.toString();
  }

  private void stopEverything() {
    prometheus.close();
    stopHub();
  }

  private void stopHub() {
    hub.stop(0);
    executor.shutdownNow();
  }
}
