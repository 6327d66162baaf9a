package io.scaledapi.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a free loopback port that answers every Prometheus query with something hostile,
 * chosen by the first path segment: {@code <baseUri>/<answer>} is the address a client is given.
 * Bodies are generated while they are sent, so the server holds none of them in memory.
 */
public final class HostilePrometheus implements AutoCloseable {

  /** What the server answers, one per path prefix. */
  public enum Answer {
    /** 100,000 series of about 310 bytes each: 31 MB, just under the 32 MiB body limit. */
    MANY_SERIES,
    /** One series of 200,000 points: a range answer far above any point budget. */
    MANY_POINTS,
    /** A label value nested 100,000 arrays deep. */
    DEEP_NESTING,
    /** A Prometheus error whose text is 5,000,000 characters long. */
    HUGE_ERROR,
    /** 40 MiB of whitespace inside an otherwise valid answer: above the body limit. */
    OVERSIZED,
    /** The start of a valid answer, then one byte every 100 ms, never finishing. */
    SLOW_DRIP;

    /** The path prefix of this answer, such as {@code many-series}. */
    public String path() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  static final int SERIES = 100_000;
  static final int POINTS = 200_000;
  static final int DEPTH = 100_000;
  static final int ERROR_LENGTH = 5_000_000;
  static final long OVERSIZED_PADDING = 40L * 1024 * 1024;

  private static final String VECTOR_START =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[";
  private static final String PADDING = "x".repeat(200);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
  private final AtomicInteger requests = new AtomicInteger();

  private HostilePrometheus(HttpServer server) {
    this.server = server;
    for (Answer answer : Answer.values()) {
      server.createContext("/" + answer.path() + "/", exchange -> handle(exchange, answer));
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Starts the server. */
  public static HostilePrometheus start() {
    try {
      InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      return new HostilePrometheus(HttpServer.create(loopback, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the hostile server", e);
    }
  }

  /** The address whose queries get {@code answer}. */
  public URI address(Answer answer) {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/" + answer.path() + "/");
  }

  /** How many requests have been received. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange, Answer answer) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer == Answer.HUGE_ERROR ? 422 : 200, 0);
      OutputStream out = exchange.getResponseBody();
      switch (answer) {
        case MANY_SERIES -> manySeries(out);
        case MANY_POINTS -> manyPoints(out);
        case DEEP_NESTING -> deepNesting(out);
        case HUGE_ERROR -> hugeError(out);
        case OVERSIZED -> oversized(out);
        case SLOW_DRIP -> slowDrip(out);
      }
      out.close();
    } catch (IOException e) {
      // the client stopped reading, as it should once it has seen enough
    }
  }

  private static void manySeries(OutputStream out) throws IOException {
    Chunks chunks = new Chunks(out);
    chunks.add(VECTOR_START);
    for (int i = 0; i < SERIES; i++) {
      chunks.add(i == 0 ? "" : ",");
      chunks.add(
          "{\"metric\":{\"__name__\":\"queue_depth\",\"namespace\":\"team-a\",\"pod\":\"api-"
              + i
              + "\",\"padding\":\""
              + PADDING
              + "\"},\"value\":[1700000000,\"1\"]}");
    }
    chunks.add("]}}");
    chunks.flush();
  }

  private static void manyPoints(OutputStream out) throws IOException {
    Chunks chunks = new Chunks(out);
    chunks.add(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
            + "{\"metric\":{\"queue\":\"orders\"},\"values\":[");
    for (int i = 0; i < POINTS; i++) {
      chunks.add((i == 0 ? "" : ",") + "[" + (1700000000 + i) + ",\"1\"]");
    }
    chunks.add("]}]}}");
    chunks.flush();
  }

  private static void deepNesting(OutputStream out) throws IOException {
    Chunks chunks = new Chunks(out);
    chunks.add(VECTOR_START + "{\"metric\":{\"a\":");
    for (int i = 0; i < DEPTH; i++) {
      chunks.add("[");
    }
    for (int i = 0; i < DEPTH; i++) {
      chunks.add("]");
    }
    chunks.add("},\"value\":[1700000000,\"1\"]}]}}");
    chunks.flush();
  }

  private static void hugeError(OutputStream out) throws IOException {
    Chunks chunks = new Chunks(out);
    chunks.add("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"");
    String block = "query processing would load too many samples ".repeat(100);
    for (int written = 0; written < ERROR_LENGTH; written += block.length()) {
      chunks.add(block.substring(0, Math.min(block.length(), ERROR_LENGTH - written)));
    }
    chunks.add("\"}");
    chunks.flush();
  }

  private static void oversized(OutputStream out) throws IOException {
    Chunks chunks = new Chunks(out);
    chunks.add("{\"status\":\"success\",");
    String spaces = " ".repeat(64 * 1024);
    for (long written = 0; written < OVERSIZED_PADDING; written += spaces.length()) {
      chunks.add(spaces);
    }
    chunks.add("\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    chunks.flush();
  }

  private static void slowDrip(OutputStream out) throws IOException {
    out.write(VECTOR_START.getBytes(StandardCharsets.UTF_8));
    out.flush();
    for (int i = 0; i < 6000; i++) {
      out.write(' ');
      out.flush();
      try {
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Text written in chunks of about 64 KiB. */
  private static final class Chunks {
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    Chunks(OutputStream out) {
      this.out = out;
    }

    void add(String text) throws IOException {
      pending.append(text);
      if (pending.length() >= 64 * 1024) {
        flush();
      }
    }

    void flush() throws IOException {
      out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      pending.setLength(0);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "hostile-prometheus");
      thread.setDaemon(true);
      return thread;
    };
  }
}
