package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The API on a free loopback port, driven over real HTTP. */
class QueueApiServerTest {

  private static QueueApiServer start(int workers, Duration serviceTime, int capacity)
      throws Exception {
    return QueueApiServer.start(new QueueApiConfig(workers, serviceTime, capacity, "127.0.0.1", 0));
  }

  @Test
  void theQueueFillsWhenArrivalsOutpaceWorkersAndDrainsToZero() throws Exception {
    try (QueueApiServer api = start(2, Duration.ofMillis(100), 100)) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        answers.add(Http.getAsync(api, "/work"));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> api.waiting() > 0);
      assertThat(api.inFlight()).isBetween(1, 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> api.waiting() == 0 && api.inFlight() == 0);
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).isEqualTo(200);
      }
      assertThat(api.arrived()).isEqualTo(12.0);
      assertThat(api.rejected()).isZero();
      assertThat(Http.get(api, "/metrics").body())
          .contains("api_queue_requests_waiting 0.0")
          .contains("api_requests_arrived_total 12.0")
          .contains("api_request_duration_seconds_count 12");
    }
  }

  @Test
  void theAdminEndpointChangesHowManyRequestsAreServedAtOnce() throws Exception {
    QueueApiConfig config = new QueueApiConfig(1, Duration.ofSeconds(1), 100, "127.0.0.1", 0, true);
    try (QueueApiServer api = QueueApiServer.start(config)) {
      HttpResponse<String> grown = Http.put(api, "/admin/workers", "3");
      assertThat(grown.statusCode()).isEqualTo(200);
      assertThat(grown.body()).isEqualTo("3\n");
      assertThat(Http.get(api, "/metrics").body()).contains("api_workers 3.0");
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(Http.getAsync(api, "/work"));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> api.inFlight() == 3 && api.waiting() == 1);
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();

      assertThat(Http.put(api, "/admin/workers", "1").body()).isEqualTo("1\n");
      assertThat(Http.get(api, "/admin/workers").body()).isEqualTo("1\n");
      answers.clear();
      for (int i = 0; i < 3; i++) {
        answers.add(Http.getAsync(api, "/work"));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> api.waiting() == 2);
      assertThat(api.inFlight()).isEqualTo(1);
      assertThat(Http.get(api, "/metrics").body()).contains("api_workers 1.0");
    }
  }

  @Test
  void theWaitsEndpointCountsEveryWaitByTheMillisecond() throws Exception {
    // one worker of 300 ms: three requests at once wait about 0, 300 and 600 ms
    QueueApiConfig config = new QueueApiConfig(1, Duration.ofMillis(300), 10, "127.0.0.1", 0, true);
    try (QueueApiServer api = QueueApiServer.start(config)) {
      assertThat(Http.get(api, "/admin/waits").body()).isEmpty();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(Http.getAsync(api, "/work"));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
      List<long[]> lines =
          Http.get(api, "/admin/waits").body().lines().map(QueueApiServerTest::pair).toList();
      assertThat(lines.stream().mapToLong(l -> l[1]).sum()).isEqualTo(3);
      assertThat(lines.get(0)[0]).isLessThan(100);
      assertThat(lines.get(lines.size() - 1)[0]).isBetween(550L, 900L);
      assertThat(Http.put(api, "/admin/waits", "").statusCode()).isEqualTo(405);
    }
    try (QueueApiServer api = start(1, Duration.ZERO, 10)) {
      assertThat(Http.get(api, "/admin/waits").statusCode()).isEqualTo(404);
    }
  }

  private static long[] pair(String line) {
    String[] parts = line.split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  @Test
  void theAdminEndpointRefusesABadCountAndIsOffByDefault() throws Exception {
    QueueApiConfig config = new QueueApiConfig(2, Duration.ZERO, 10, "127.0.0.1", 0, true);
    try (QueueApiServer api = QueueApiServer.start(config)) {
      for (String body : List.of("0", "-1", "10001", "many", "")) {
        assertThat(Http.put(api, "/admin/workers", body).statusCode()).as(body).isEqualTo(400);
      }
      assertThat(api.workers()).isEqualTo(2);
    }
    try (QueueApiServer api = start(2, Duration.ZERO, 10)) {
      assertThat(Http.put(api, "/admin/workers", "3").statusCode()).isEqualTo(404);
      assertThat(api.workers()).isEqualTo(2);
    }
  }

  @Test
  void aFullQueueAnswers503AndCountsTheRejection() throws Exception {
    try (QueueApiServer api = start(1, Duration.ofSeconds(5), 2)) {
      occupy(api, 2);
      HttpResponse<String> answer = Http.get(api, "/work");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(api.rejected()).isEqualTo(1.0);
      assertThat(Http.get(api, "/metrics").body()).contains("api_requests_rejected_total 1.0");
    }
  }

  @Test
  void metricsExposeEveryMetricWithItsType() throws Exception {
    try (QueueApiServer api = start(1, Duration.ZERO, 10)) {
      assertThat(Http.get(api, "/work").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = Http.get(api, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(metrics.body())
          .contains("# TYPE api_queue_requests_waiting gauge")
          .contains("# TYPE api_requests_in_flight gauge")
          .contains("# TYPE api_requests_arrived_total counter")
          .contains("# TYPE api_requests_rejected_total counter")
          .contains("# TYPE api_request_duration_seconds histogram")
          .contains("# TYPE api_queue_wait_seconds histogram")
          .contains("api_request_duration_seconds_bucket{le=\"0.05\"} 1")
          .contains("api_request_duration_seconds_bucket{le=\"+Inf\"} 1");
    }
  }

  @Test
  void theGaugesStillReadTheQueueAfterAGarbageCollection() throws Exception {
    try (QueueApiServer api = start(1, Duration.ofSeconds(5), 2)) {
      collectGarbage();
      occupy(api, 2);
      assertThat(Http.get(api, "/metrics").body())
          .contains("api_queue_requests_waiting 2.0")
          .contains("api_requests_in_flight 1.0");
    }
  }

  /**
   * Puts one request in the only worker's hands, then {@code waiting} in the queue, one at a time:
   * a request sent before the worker took the one ahead of it could find the queue full.
   */
  private static void occupy(QueueApiServer api, int waiting) {
    Http.getAsync(api, "/work");
    await().atMost(Duration.ofSeconds(5)).until(() -> api.inFlight() == 1);
    for (int queued = 1; queued <= waiting; queued++) {
      Http.getAsync(api, "/work");
      int expected = queued;
      await().atMost(Duration.ofSeconds(5)).until(() -> api.waiting() == expected);
    }
  }

  /** Returns once a collection has cleared an object that only a weak reference reached. */
  private static void collectGarbage() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              System.gc();
              return canary.get() == null;
            });
  }

  @Test
  void healthzAnswersOkAndOtherMethodsAreRefused() throws Exception {
    try (QueueApiServer api = start(1, Duration.ZERO, 10)) {
      assertThat(Http.get(api, "/healthz").body()).isEqualTo("ok\n");
      java.net.http.HttpRequest post =
          java.net.http.HttpRequest.newBuilder(Http.uri(api, "/work"))
              .timeout(Duration.ofSeconds(5))
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
              .build();
      assertThat(
              java.net.http.HttpClient.newHttpClient()
                  .send(post, HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(405);
      assertThat(api.arrived()).isZero();
    }
  }
}
