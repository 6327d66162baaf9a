package io.scaledapi.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy on a free loopback port in front of a real server (such as a {@link
 * PrometheusProcess}). It forwards every request by default and can be switched at runtime to
 * answer late, to answer with a fixed status and body, or to let only one {@code Authorization}
 * header through and echo any other back in its error body.
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does with the next requests. */
  private sealed interface Behaviour {}

  private record Forward() implements Behaviour {}

  private record Delay(Duration delay) implements Behaviour {}

  private record Fixed(int status, String contentType, String body) implements Behaviour {}

  /** Forwards requests carrying {@code expected}; rejects the others with an echoing body. */
  private record Gate(String expected, int status, String contentType, String echoTemplate)
      implements Behaviour {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> rejections = new CopyOnWriteArrayList<>();
  private volatile Behaviour behaviour = new Forward();

  private FaultProxy(URI upstream) {
    this.upstream = upstream;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the fault proxy", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A proxy forwarding to {@code upstream}, such as {@code http://127.0.0.1:9090}. */
  public static FaultProxy start(URI upstream) {
    return new FaultProxy(Objects.requireNonNull(upstream, "upstream"));
  }

  /** The proxy's address, {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Forwards every following request unchanged. */
  public FaultProxy forward() {
    behaviour = new Forward();
    return this;
  }

  /** Forwards every following request after {@code delay} (a slow upstream). */
  public FaultProxy delay(Duration delay) {
    behaviour = new Delay(delay);
    return this;
  }

  /** Answers every following request itself, with this status, content type and body. */
  public FaultProxy respond(int status, String contentType, String body) {
    behaviour = new Fixed(status, contentType, body);
    return this;
  }

  /**
   * Forwards only requests whose {@code Authorization} header is {@code expected}; answers the
   * others with {@code status} and {@code echoTemplate} formatted with the header received (or
   * {@code (none)}), as a careless server that echoes credentials back would.
   */
  public FaultProxy requireAuthorization(
      String expected, int status, String contentType, String echoTemplate) {
    behaviour = new Gate(expected, status, contentType, echoTemplate);
    return this;
  }

  /** The {@code Authorization} headers received so far, oldest first ({@code ""} for none). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** The bodies of the rejections sent so far, oldest first. */
  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
      Behaviour now = behaviour;
      if (now instanceof Fixed fixed) {
        send(exchange, fixed.status(), fixed.contentType(), bytes(fixed.body()));
        return;
      }
      if (now instanceof Gate gate && !gate.expected().equals(authorization)) {
        String echo =
            gate.echoTemplate().formatted(authorization == null ? "(none)" : authorization);
        rejections.add(echo);
        send(exchange, gate.status(), gate.contentType(), bytes(echo));
        return;
      }
      if (now instanceof Delay delay && waitOrClosed(delay.delay())) {
        return;
      }
      forward(exchange, body);
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    URI target = URI.create(upstream.toString() + exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : List.of("Content-Type", "Accept")) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      send(exchange, 502, "text/plain", bytes("upstream failed: " + e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String type = response.headers().firstValue("Content-Type").orElse("application/json");
    send(exchange, response.statusCode(), type, response.body());
  }

  /** Waits {@code delay}; true when the proxy was closed meanwhile. */
  private boolean waitOrClosed(Duration delay) {
    try {
      return closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
