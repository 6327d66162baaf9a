package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.testing.FakeHttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a Prometheus answer may hold is bounded: how many series and points are read, how deep the
 * JSON nests, and how much of its text reaches a message.
 */
class BoundedAnswersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String FIX =
      "; it must return one: wrap it in sum(...), or narrow its label matchers to one series";

  private FakeHttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anInstantQueryReadsTenSeriesAtMostAndSaysHowTheyDiffer() {
    List<String> series = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      series.add(
          "{\"metric\":{\"__name__\":\"depth\",\"pod\":\"api-" + i + "\"},\"value\":[1,\"1\"]}");
    }
    server = FakeHttpServer.http().respondJson(200, vector(String.join(",", series)));

    QueryResult result = client().query("depth", Instant.now());

    assertThat(result).isInstanceOf(QueryResult.MultipleSeries.class);
    assertThat(((QueryResult.MultipleSeries) result).labelSets()).hasSize(10);
    assertThat(result.describe())
        .isEqualTo(
            "query returned more than 10 series, differing in {pod=\"api-0\"}, {pod=\"api-1\"},"
                + " {pod=\"api-2\"}, ..."
                + FIX);
  }

  @Test
  void aRangeQueryOverThePointBudgetSaysSo() {
    String points =
        IntStream.range(0, 12_000)
            .mapToObj(i -> "[" + (1700000000 + i) + ",\"1\"]")
            .collect(Collectors.joining(","));
    server =
        FakeHttpServer.http()
            .respondJson(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                    + "{\"metric\":{\"q\":\"a\"},\"values\":["
                    + points
                    + "]}]}}");

    RangeResult result =
        client()
            .queryRange(
                "q", Instant.now().minusSeconds(12_000), Instant.now(), Duration.ofSeconds(1));

    assertThat(result)
        .isEqualTo(
            new RangeResult.Failure(
                FailureKind.QUERY_REJECTED,
                200,
                null,
                "range query returned more than 11000 points, the most read from one answer;"
                    + " ask for a shorter range or a longer step"));
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String nested = "[".repeat(50) + "]".repeat(50);
    server =
        FakeHttpServer.http()
            .respondJson(200, vector("{\"metric\":{\"a\":" + nested + "},\"value\":[1,\"1\"]}"));

    QueryResult result = client().query("q", Instant.now());

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 200, null, "JSON nested deeper than 16 levels"));
  }

  @Test
  void aLongErrorTextIsCutAndSaysHowLongItWas() {
    String error = "e".repeat(1000);
    server =
        FakeHttpServer.http()
            .respondJson(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"" + error + "\"}");

    QueryResult result = client().query("q", Instant.now());

    assertThat(result.describe())
        .isEqualTo(
            "Prometheus rejected the query (execution): "
                + "e".repeat(256)
                + "… (1000 characters)");
  }

  @Test
  void aHugeErrorTextIsNotRead() {
    server =
        FakeHttpServer.http()
            .respondJson(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\""
                    + "e".repeat(5_000_000)
                    + "\"}");

    QueryResult result = client().query("q", Instant.now());

    assertThat(result.describe())
        .isEqualTo(
            "Prometheus rejected the query (execution): its error text is longer than 65536"
                + " characters");
  }

  @Test
  void longLabelValuesAreCutInTheSeveralSeriesMessage() {
    String a = "a".repeat(5000);
    String b = "b".repeat(5000);
    server =
        FakeHttpServer.http()
            .respondJson(
                200,
                vector(
                    "{\"metric\":{\"pod\":\""
                        + a
                        + "\"},\"value\":[1,\"1\"]},"
                        + "{\"metric\":{\"pod\":\""
                        + b
                        + "\"},\"value\":[1,\"1\"]}"));

    QueryResult result = client().query("q", Instant.now());

    assertThat(result.describe())
        .isEqualTo(
            "query returned 2 series, differing in {pod=\""
                + "a".repeat(64)
                + "…\"}, {pod=\""
                + "b".repeat(64)
                + "…\"}"
                + FIX);
  }

  private PrometheusClient client() {
    return new PrometheusClient(PrometheusEndpoint.of(server.baseUri(), TIMEOUT));
  }

  private static String vector(String series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + series
        + "]}}";
  }
}
