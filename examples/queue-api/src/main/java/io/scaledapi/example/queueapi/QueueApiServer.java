package io.scaledapi.example.queueapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API: {@code GET /work} goes through a bounded FIFO queue to a pool of workers, each holding a
 * request for the service time; a full queue answers 503. {@code GET /metrics} and {@code GET
 * /healthz} are answered at once. With {@link QueueApiConfig#admin}, {@code PUT /admin/workers}
 * resizes the pool (the body is the new count), {@code GET /admin/workers} reads it, and {@code GET
 * /admin/waits} lists every queue wait so far by the millisecond ({@link WaitCounts}).
 */
public final class QueueApiServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** The most workers {@code PUT /admin/workers} sets: one thread each. */
  static final int MAX_WORKERS = 10_000;

  private final QueueApiConfig config;
  private final ThreadPoolExecutor workers;
  private final QueueMetrics metrics;
  private final WaitCounts waits = new WaitCounts();
  private final HttpServer server;

  private QueueApiServer(QueueApiConfig config) throws IOException {
    this.config = config;
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            config.workers(),
            config.workers(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(config.queueCapacity()),
            r -> {
              Thread t = new Thread(r, "worker-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    workers.prestartAllCoreThreads();
    this.metrics = new QueueMetrics(workers.getQueue(), workers::getMaximumPoolSize);
    this.server =
        HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
    server.createContext("/work", this::work);
    server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, metrics.scrape()));
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain", "ok\n"));
    if (config.admin()) {
      server.createContext("/admin/workers", this::admin);
      server.createContext("/admin/waits", this::waits);
    }
  }

  /** Binds and starts serving. */
  public static QueueApiServer start(QueueApiConfig config) throws IOException {
    QueueApiServer api = new QueueApiServer(config);
    api.server.start();
    return api;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int waiting() {
    return workers.getQueue().size();
  }

  public int inFlight() {
    return metrics.inFlight();
  }

  public double arrived() {
    return metrics.arrivedCount();
  }

  public double rejected() {
    return metrics.rejectedCount();
  }

  /** How many requests are served at once. */
  public int workers() {
    return workers.getMaximumPoolSize();
  }

  /**
   * Serves {@code count} requests at once from now on; requests being served when the pool shrinks
   * are finished first.
   */
  public synchronized void resize(int count) {
    if (count < 1 || count > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must be between 1 and " + MAX_WORKERS + ", not " + count);
    }
    // the core size may never exceed the maximum, so the order depends on the direction
    if (count > workers.getMaximumPoolSize()) {
      workers.setMaximumPoolSize(count);
      workers.setCorePoolSize(count);
      workers.prestartAllCoreThreads();
    } else {
      workers.setCorePoolSize(count);
      workers.setMaximumPoolSize(count);
    }
  }

  private void admin(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> respond(exchange, 200, "text/plain", workers() + "\n");
      case "PUT" -> {
        String body =
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
          resize(Integer.parseInt(body));
        } catch (IllegalArgumentException e) {
          // NumberFormatException included
          respond(
              exchange,
              400,
              "text/plain",
              "the body must be a number of workers from 1 to " + MAX_WORKERS + "\n");
          return;
        }
        respond(exchange, 200, "text/plain", workers() + "\n");
      }
      default -> respond(exchange, 405, "text/plain", "use GET or PUT\n");
    }
  }

  private void waits(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, "text/plain", "use GET\n");
      return;
    }
    respond(exchange, 200, "text/plain", waits.text());
  }

  private void work(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, "text/plain", "use GET\n");
      return;
    }
    long arrival = System.nanoTime();
    metrics.arrived();
    try {
      workers.execute(() -> serve(exchange, arrival));
    } catch (RejectedExecutionException e) {
      metrics.rejected();
      respond(exchange, 503, "text/plain", "queue full\n");
    }
  }

  private void serve(HttpExchange exchange, long arrival) {
    Duration waited = since(arrival);
    metrics.started(waited);
    waits.record(waited);
    try {
      Thread.sleep(config.serviceTime().toMillis());
      respond(exchange, 200, "text/plain", "done\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      exchange.close();
    } finally {
      metrics.finished(since(arrival));
    }
  }

  private static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting, interrupts the workers and closes what they held. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
