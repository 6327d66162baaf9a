package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusResponseParserTest {
  static final PrometheusResponseParser PARSER =
      new PrometheusResponseParser(Redaction.of(new PrometheusAuth.None()), ResponseLimits.DEFAULT);

  private static final Instant AT = Instant.ofEpochMilli(1700000000781L);

  static QueryResult query(int status, String body) {
    try {
      return PARSER.query(status, stream(body));
    } catch (ProblemException e) {
      return e.problem().toQueryFailure();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RangeResult range(int status, String body) {
    try {
      return PARSER.range(status, stream(body));
    } catch (ProblemException e) {
      return e.problem().toRangeFailure();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body that has arrived whole. */
  static BodyStream stream(String body) {
    BodyStream stream = new BodyStream(System.nanoTime() + 10_000_000_000L, Long.MAX_VALUE);
    stream.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    stream.onNext(List.of(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8))));
    stream.onComplete();
    return stream;
  }

  private static String vector(String... series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + String.join(",", series)
        + "]}}";
  }

  @Test
  void scalarIsASingleValue() {
    QueryResult result =
        query(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.781,\"2.5\"]}}");

    assertThat(result).isEqualTo(new QueryResult.Value(2.5, AT));
    assertThat(result.describe()).isEqualTo("query returned 2.5");
  }

  @ParameterizedTest
  @CsvSource({"NaN, NaN", "+Inf, Infinity", "-Inf, -Infinity"})
  void nonFiniteValuesAreReportedAsSuch(String text, double expected) {
    QueryResult result =
        query(200, vector("{\"metric\":{},\"value\":[1700000000.781,\"" + text + "\"]}"));

    assertThat(result).isEqualTo(new QueryResult.NotFinite(expected, AT));
    assertThat(result.describe())
        .isEqualTo("query returned " + text + "; it must return a finite number");
  }

  @Test
  void scientificNotationIsRead() {
    QueryResult result =
        query(200, vector("{\"metric\":{},\"value\":[1700000000.781,\"1.5e+06\"]}"));

    assertThat(result).isEqualTo(new QueryResult.Value(1_500_000, AT));
    assertThat(result.describe()).isEqualTo("query returned 1500000");
  }

  @Test
  void noSeriesIsEmpty() {
    QueryResult result = query(200, vector());

    assertThat(result).isEqualTo(new QueryResult.Empty());
    assertThat(result.describe())
        .isEqualTo(
            "query returned no series; check the metric name and labels (no data is not read as"
                + " 0)");
  }

  @Test
  void severalSeriesAreReportedWithTheirLabels() {
    QueryResult result =
        query(
            200,
            vector(
                "{\"metric\":{\"queue\":\"a\",\"__name__\":\"depth\"},\"value\":[1,\"1\"]}",
                "{\"metric\":{\"queue\":\"b\",\"__name__\":\"depth\"},\"value\":[1,\"2\"]}",
                "{\"metric\":{},\"value\":[1,\"3\"]}"));

    assertThat(result)
        .isEqualTo(
            new QueryResult.MultipleSeries(
                List.of(
                    Map.of("__name__", "depth", "queue", "a"),
                    Map.of("__name__", "depth", "queue", "b"),
                    Map.of())));
    assertThat(((QueryResult.MultipleSeries) result).labelSets().get(0).keySet())
        .containsExactly("__name__", "queue");
    assertThat(result.describe())
        .isEqualTo(
            "query returned 3 series, differing in {__name__=\"depth\", queue=\"a\"},"
                + " {__name__=\"depth\", queue=\"b\"}, {}; it must return one: wrap it in"
                + " sum(...), or narrow its label matchers to one series");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"resultType\":\"matrix\",\"result\":[]} | query returned a range vector; it must return an instant vector or a scalar",
        "{\"resultType\":\"string\",\"result\":[1,\"x\"]} | query returned a string; it must return a number",
        "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"histogram\":[1,{}]}]} | query returned a native histogram; it must return a number"
      })
  void unusableResultTypesAreRejected(String data, String message) {
    QueryResult result = query(200, "{\"status\":\"success\",\"data\":" + data + "}");

    assertThat(result)
        .isEqualTo(new QueryResult.Failure(FailureKind.QUERY_REJECTED, 200, null, message));
    assertThat(result.describe()).isEqualTo(message);
  }

  @Test
  void executionErrorIsRejected() {
    QueryResult result =
        query(
            422,
            "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}");

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.QUERY_REJECTED, 422, "execution", "many-to-many matching not allowed"));
  }

  @Test
  void errorWithoutTextStillExplainsItself() {
    QueryResult result = query(503, "{\"status\":\"error\",\"errorType\":\"timeout\"}");

    assertThat(result.describe())
        .isEqualTo("Prometheus answered HTTP 503 (timeout): no error message");
  }

  @Test
  void emptyErrorBodyIsAnHttpFailure() {
    QueryResult result = query(404, "");

    assertThat(result)
        .isEqualTo(new QueryResult.Failure(FailureKind.HTTP, 404, null, "(empty body)"));
    assertThat(result.describe()).isEqualTo("Prometheus answered HTTP 404: (empty body)");
  }

  @Test
  void rangeMatrixIsReadWithAllSeries() {
    RangeResult result =
        range(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"q\":\"a\"},\"values\":[[1700000000.781,\"1\"],[1700000001.781,\"+Inf\"]]},"
                + "{\"metric\":{\"q\":\"b\"},\"values\":[]}]}}");

    assertThat(result)
        .isEqualTo(
            new RangeResult.Series(
                List.of(
                    new RangeSeries(
                        Map.of("q", "a"),
                        List.of(
                            new Sample(AT, 1),
                            new Sample(AT.plusSeconds(1), Double.POSITIVE_INFINITY))),
                    new RangeSeries(Map.of("q", "b"), List.of()))));
    assertThat(result.describe()).isEqualTo("query returned 2 series");
  }

  @Test
  void rangeResponseOfTheWrongTypeIsABadResponse() {
    RangeResult result = range(200, vector());

    assertThat(result)
        .isEqualTo(
            new RangeResult.Failure(
                FailureKind.BAD_RESPONSE,
                200,
                null,
                "range query returned resultType 'vector', not a matrix"));
  }

  @Test
  void excerptIsOneLineWithoutMarkup() {
    String excerpt =
        PrometheusResponseParser.flatExcerpt(
            "<p>line one</p>\r\n\tline\u0000two " + "x".repeat(500));

    assertThat(excerpt).isEqualTo("line one line two " + "x".repeat(500));
  }

  @Test
  void aSeriesWithTooManyLabelsIsRefused() {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i <= ResponseLimits.DEFAULT.maxLabels(); i++) {
      labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
    }
    QueryResult result = query(200, vector("{\"metric\":{" + labels + "},\"value\":[1,\"1\"]}"));

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 200, null, "a series has more than 128 labels"));
  }

  @Test
  void labelTextIsBudgetedOverTheWholeAnswer() {
    String big = "v".repeat(60_000);
    String[] series = new String[5];
    for (int i = 0; i < series.length; i++) {
      series[i] = "{\"metric\":{\"pod\":\"" + i + big + "\"},\"value\":[1,\"1\"]}";
    }

    QueryResult result = query(200, vector(series));

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE,
                200,
                null,
                "the series' labels are longer than 262144 characters in all"));
  }

  @Test
  void aStringLongerThanTheLimitIsRefused() {
    QueryResult result =
        query(
            200,
            vector("{\"metric\":{\"pod\":\"" + "v".repeat(70_000) + "\"},\"value\":[1,\"1\"]}"));

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE,
                200,
                null,
                "a JSON string is longer than 65536 characters"));
  }

  @Test
  void aHugeNumberIsRefused() {
    QueryResult result =
        query(200, vector("{\"metric\":{},\"value\":[" + "1".repeat(200) + ",\"1\"]}"));

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 200, null, "a JSON number is longer than 100 digits"));
  }

  @Test
  void thePointBudgetCountsEverySeriesOfARangeAnswer() {
    String points = String.join(",", java.util.Collections.nCopies(6000, "[1,\"1\"]"));
    String series = "{\"metric\":{},\"values\":[" + points + "]}";

    RangeResult result =
        range(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + series
                + ","
                + series
                + "]}}");

    assertThat(result).isInstanceOf(RangeResult.Failure.class);
    assertThat(result.describe())
        .isEqualTo(
            "range query returned more than 11000 points, the most read from one answer; ask for"
                + " a shorter range or a longer step");
  }

  @Test
  void aRangeAnswerWithManySeriesIsRefused() {
    String[] series = new String[11];
    for (int i = 0; i < series.length; i++) {
      series[i] = "{\"metric\":{\"pod\":\"" + i + "\"},\"values\":[[1,\"1\"]]}";
    }

    RangeResult result =
        range(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + String.join(",", series)
                + "]}}");

    assertThat(result)
        .isEqualTo(
            new RangeResult.Failure(
                FailureKind.QUERY_REJECTED,
                200,
                null,
                "range query returned more than 10 series; it must return one: wrap it in"
                    + " sum(...)"));
  }

  @Test
  void aResultBeforeItsTypeCannotBeRead() {
    QueryResult result =
        query(200, "{\"status\":\"success\",\"data\":{\"result\":[],\"resultType\":\"vector\"}}");

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 200, null, "resultType is missing before the result"));
  }

  @Test
  void anErrorAnswerMayNameItsStatusAfterItsText() {
    QueryResult result =
        query(400, "{\"errorType\":\"bad_data\",\"error\":\"parse error\",\"status\":\"error\"}");

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(FailureKind.QUERY_REJECTED, 400, "bad_data", "parse error"));
  }
}
