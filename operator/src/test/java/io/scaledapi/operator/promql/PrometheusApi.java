package io.scaledapi.operator.promql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a query to a test Prometheus's {@code /api/v1/query} as it is, and tells what came back:
 * rejected as PromQL ({@code bad_data}), or evaluated (a result, or an error while evaluating).
 */
final class PrometheusApi {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;

  PrometheusApi(URI base) {
    this.base = base;
  }

  /** What Prometheus answered to one instant query. */
  record Answer(
      String status, String errorType, String error, String resultType, List<String> result) {

    /** Whether Prometheus parsed the query: anything but a {@code bad_data} error. */
    boolean parsed() {
      return !"bad_data".equals(errorType);
    }

    /** Whether two answers are the same outcome: the same result, or the same kind of error. */
    boolean sameOutcome(Answer other) {
      return status.equals(other.status)
          && java.util.Objects.equals(errorType, other.errorType)
          && java.util.Objects.equals(resultType, other.resultType)
          && result.equals(other.result);
    }
  }

  Answer query(String promql, Instant time) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&time="
            + time.getEpochSecond()
            + "."
            + String.format("%03d", time.getNano() / 1_000_000);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/query"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      JsonNode body =
          JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
      JsonNode data = body.path("data");
      List<String> result = new ArrayList<>();
      JsonNode r = data.path("result");
      if (r.isArray()) {
        r.forEach(item -> result.add(item.toString()));
        result.sort(null); // series order is not part of the answer
      } else if (!r.isMissingNode()) {
        result.add(r.toString());
      }
      return new Answer(
          body.path("status").asText(),
          body.hasNonNull("errorType") ? body.get("errorType").asText() : null,
          body.hasNonNull("error") ? body.get("error").asText() : null,
          data.hasNonNull("resultType") ? data.get("resultType").asText() : null,
          result);
    } catch (IOException e) {
      throw new UncheckedIOException("query " + promql + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
