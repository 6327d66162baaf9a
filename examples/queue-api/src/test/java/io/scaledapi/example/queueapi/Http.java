package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Requests to a server on loopback, each with a timeout. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static URI uri(QueueApiServer api, String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  static HttpResponse<String> get(QueueApiServer api, String path)
      throws IOException, InterruptedException {
    return CLIENT.send(request(api, path), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> put(QueueApiServer api, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(api, path))
            .timeout(Duration.ofSeconds(20))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static CompletableFuture<HttpResponse<String>> getAsync(QueueApiServer api, String path) {
    return CLIENT.sendAsync(request(api, path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(QueueApiServer api, String path) {
    return HttpRequest.newBuilder(uri(api, path)).timeout(Duration.ofSeconds(20)).GET().build();
  }
}
