package io.scaledapi.operator.prometheus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the HTTP status and body of a Prometheus API response into a result. Text taken from the
 * response into a failure message goes through the client's {@link Redaction} first.
 */
final class PrometheusResponseParser {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final int EXCERPT_LENGTH = 200;

  private final Redaction redaction;

  PrometheusResponseParser(Redaction redaction) {
    this.redaction = redaction;
  }

  /** Parses a response of {@code /api/v1/query}. */
  QueryResult query(int status, byte[] body) {
    try {
      return instant(status, data(status, body));
    } catch (ProblemException e) {
      return e.problem.toQueryFailure();
    }
  }

  /** Parses a response of {@code /api/v1/query_range}. */
  RangeResult range(int status, byte[] body) {
    try {
      return range(status, data(status, body));
    } catch (ProblemException e) {
      return e.problem.toRangeFailure();
    }
  }

  /** Checks the envelope and returns its {@code data} object. */
  private JsonNode data(int status, byte[] body) throws ProblemException {
    boolean ok = status >= 200 && status < 300;
    JsonNode root = readJson(body);
    if (root == null || !root.isObject()) {
      throw ok
          ? badResponse(status, "not JSON: " + excerpt(body))
          : new ProblemException(FailureKind.HTTP, status, null, excerpt(body));
    }
    String state = root.path("status").asText("");
    if (state.equals("error")) {
      JsonNode type = root.get("errorType");
      String errorType = type != null && type.isTextual() ? redaction.apply(type.asText()) : null;
      String error = redaction.apply(root.path("error").asText("")).strip();
      FailureKind kind =
          ok || status == 400 || status == 422 ? FailureKind.QUERY_REJECTED : FailureKind.HTTP;
      throw new ProblemException(
          kind, status, errorType, error.isEmpty() ? "no error message" : error);
    }
    if (!ok) {
      throw new ProblemException(FailureKind.HTTP, status, null, excerpt(body));
    }
    JsonNode data = root.get("data");
    if (!state.equals("success") || data == null || !data.isObject()) {
      throw badResponse(status, "not a Prometheus API response: " + excerpt(body));
    }
    return data;
  }

  private QueryResult instant(int status, JsonNode data) throws ProblemException {
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    switch (type) {
      case "scalar":
        return toResult(sample(status, result));
      case "vector":
        if (!result.isArray()) {
          throw badResponse(status, "vector result is not an array");
        }
        if (result.isEmpty()) {
          return new QueryResult.Empty();
        }
        if (result.size() > 1) {
          List<Map<String, String>> labelSets = new ArrayList<>();
          for (JsonNode series : result) {
            labelSets.add(labels(status, series));
          }
          return new QueryResult.MultipleSeries(labelSets);
        }
        JsonNode only = result.get(0);
        if (!only.has("value") && only.has("histogram")) {
          throw rejected(status, "query returned a native histogram; it must return a number");
        }
        return toResult(sample(status, only.path("value")));
      case "matrix":
        throw rejected(
            status, "query returned a range vector; it must return an instant vector or a scalar");
      case "string":
        throw rejected(status, "query returned a string; it must return a number");
      default:
        throw badResponse(status, "unknown resultType '" + type + "'");
    }
  }

  private RangeResult range(int status, JsonNode data) throws ProblemException {
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    if (!type.equals("matrix") || !result.isArray()) {
      throw badResponse(status, "range query returned resultType '" + type + "', not a matrix");
    }
    List<RangeSeries> series = new ArrayList<>();
    for (JsonNode node : result) {
      JsonNode values = node.path("values");
      if (!values.isArray() && node.has("histograms")) {
        throw rejected(status, "query returned native histograms; it must return numbers");
      }
      if (!values.isArray()) {
        throw badResponse(status, "series without values: " + excerpt(node.toString()));
      }
      List<Sample> samples = new ArrayList<>(values.size());
      for (JsonNode pair : values) {
        samples.add(sample(status, pair));
      }
      series.add(new RangeSeries(labels(status, node), samples));
    }
    return new RangeResult.Series(series);
  }

  private static QueryResult toResult(Sample sample) {
    return Double.isFinite(sample.value())
        ? new QueryResult.Value(sample.value(), sample.timestamp())
        : new QueryResult.NotFinite(sample.value(), sample.timestamp());
  }

  /** Reads {@code [<unix seconds>, "<value>"]}. */
  private Sample sample(int status, JsonNode pair) throws ProblemException {
    if (!pair.isArray()
        || pair.size() != 2
        || !pair.get(0).isNumber()
        || !pair.get(1).isTextual()) {
      throw badResponse(status, "malformed sample: " + excerpt(pair.toString()));
    }
    Instant timestamp = Instant.ofEpochMilli(Math.round(pair.get(0).asDouble() * 1000));
    return new Sample(timestamp, value(status, pair.get(1).asText()));
  }

  private double value(int status, String text) throws ProblemException {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw badResponse(status, "sample value is not a number: " + excerpt(text));
        }
    }
  }

  private Map<String, String> labels(int status, JsonNode series) throws ProblemException {
    JsonNode metric = series.path("metric");
    if (!metric.isObject()) {
      throw badResponse(status, "series without labels: " + excerpt(series.toString()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> label : metric.properties()) {
      labels.put(label.getKey(), label.getValue().asText());
    }
    return labels;
  }

  private static JsonNode readJson(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private ProblemException rejected(int status, String message) {
    return new ProblemException(FailureKind.QUERY_REJECTED, status, null, message);
  }

  private ProblemException badResponse(int status, String message) {
    return new ProblemException(FailureKind.BAD_RESPONSE, status, null, message);
  }

  private String excerpt(byte[] body) {
    return excerpt(new String(body, StandardCharsets.UTF_8));
  }

  /** A redacted excerpt; redacted before it is cut, so no part of a secret is left. */
  private String excerpt(String text) {
    return flatExcerpt(redaction.apply(text));
  }

  /** A short, single-line excerpt without HTML tags or control characters. */
  static String flatExcerpt(String text) {
    String flat =
        text.replaceAll("<[^<>]{0,200}>", " ")
            .replaceAll("\\p{Cntrl}", " ")
            .replaceAll("\\s+", " ")
            .strip();
    if (flat.isEmpty()) {
      return "(empty body)";
    }
    return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "...";
  }

  /** Carries a problem out of the nested parsing code; no stack trace. */
  private static final class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ProblemException(FailureKind kind, int status, String errorType, String message) {
      super(message, null, false, false);
      this.problem = new Problem(kind, status, errorType, message);
    }
  }
}
