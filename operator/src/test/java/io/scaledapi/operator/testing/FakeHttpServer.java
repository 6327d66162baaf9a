package io.scaledapi.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A scripted HTTP(S) server on a free loopback port: answers every request with the configured
 * response (or not at all, see {@link #hang()}) and records what it received.
 */
public final class FakeHttpServer implements AutoCloseable {

  /** A request as received. */
  public record RecordedRequest(
      String method, String path, Map<String, List<String>> headers, String body) {

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }

    /** The body decoded as {@code application/x-www-form-urlencoded}. */
    public Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      if (body.isEmpty()) {
        return form;
      }
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        form.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
      return form;
    }
  }

  private enum Mode {
    ANSWER,
    HANG,
    STALL_BODY
  }

  private record Response(int status, String contentType, String body, Mode mode) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Response response =
      new Response(404, "text/plain", "no response set", Mode.ANSWER);

  private FakeHttpServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A plain HTTP server. */
  public static FakeHttpServer http() {
    try {
      return new FakeHttpServer(HttpServer.create(loopback(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server using {@code serverContext} (see {@link SelfSignedCertificate}). */
  public static FakeHttpServer https(SSLContext serverContext) {
    try {
      HttpsServer server = HttpsServer.create(loopback(), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
      return new FakeHttpServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers every following request with this response. */
  public FakeHttpServer respond(int status, String contentType, String body) {
    response = new Response(status, contentType, body, Mode.ANSWER);
    return this;
  }

  /** Answers every following request with this JSON body. */
  public FakeHttpServer respondJson(int status, String json) {
    return respond(status, "application/json", json);
  }

  /** Leaves every following request without an answer until the server is closed. */
  public FakeHttpServer hang() {
    response = new Response(0, "", "", Mode.HANG);
    return this;
  }

  /**
   * Answers every following request with status 200 and the start of a JSON body, then stalls until
   * the server is closed.
   */
  public FakeHttpServer stallAfterHeaders(String bodyStart) {
    response = new Response(200, "application/json", bodyStart, Mode.STALL_BODY);
    return this;
  }

  /** The base address, such as {@code http://127.0.0.1:12345}. */
  public URI baseUri() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The only request received; fails if there was not exactly one. */
  public RecordedRequest onlyRequest() {
    List<RecordedRequest> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + all);
    }
    return all.get(0);
  }

  /** Releases hanging requests and stops the server. */
  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      Response current = response;
      if (current.mode() == Mode.HANG) {
        awaitRelease();
        return;
      }
      byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", current.contentType());
      if (current.mode() == Mode.STALL_BODY) {
        exchange.sendResponseHeaders(current.status(), bytes.length + 1000L);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush();
        awaitRelease();
        return;
      }
      exchange.sendResponseHeaders(current.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private void awaitRelease() {
    try {
      released.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
