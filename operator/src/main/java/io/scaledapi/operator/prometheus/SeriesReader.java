package io.scaledapi.operator.prometheus;

import static io.scaledapi.operator.prometheus.PrometheusResponseParser.badResponse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scaledapi.operator.prometheus.PrometheusResponseParser.Read;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code data} object of one answer, token by token, keeping no more series, points and
 * label text than its {@link ResponseLimits} allow. Used once per answer.
 */
final class SeriesReader {
  private final int status;
  private final ResponseLimits limits;
  private int labelText;
  private int points;

  SeriesReader(int status, ResponseLimits limits) {
    this.status = status;
    this.limits = limits;
  }

  /** The data of an instant query: one series or a scalar, or what is wrong with it. */
  Read<QueryResult> instant(JsonParser json) throws ProblemException, IOException {
    String type = null;
    Read<QueryResult> read = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("resultType")) {
        type = value == JsonToken.VALUE_STRING ? json.getText() : "";
      } else if (field.equals("result") && read == null) {
        instantType(type);
        read = type.equals("scalar") ? new Read<>(toResult(sample(json)), false) : vector(json);
        if (read.stopped()) {
          return read;
        }
      } else {
        json.skipChildren();
      }
    }
    instantType(type);
    if (read == null) {
      throw badResponse(status, type + " result is missing");
    }
    return read;
  }

  /** The data of a range query: a matrix of at most the point budget. */
  Read<RangeResult> range(JsonParser json) throws ProblemException, IOException {
    String type = null;
    List<RangeSeries> series = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("resultType")) {
        type = value == JsonToken.VALUE_STRING ? json.getText() : "";
      } else if (field.equals("result") && "matrix".equals(type) && value.isStructStart()) {
        series = matrix(json);
      } else {
        json.skipChildren();
      }
    }
    if (!"matrix".equals(type)) {
      throw badResponse(status, "range query returned resultType '" + type + "', not a matrix");
    }
    if (series == null) {
      throw badResponse(status, "matrix result is missing");
    }
    return new Read<>(new RangeResult.Series(series), false);
  }

  /** Refuses the result types an instant query cannot use; {@code null} before the result. */
  private void instantType(String type) throws ProblemException {
    if (type == null) {
      throw badResponse(status, "resultType is missing before the result");
    }
    switch (type) {
      case "scalar", "vector" -> {}
      case "matrix" ->
          throw rejected(
              "query returned a range vector; it must return an instant vector or a scalar");
      case "string" -> throw rejected("query returned a string; it must return a number");
      default -> throw badResponse(status, "unknown resultType '" + type + "'");
    }
  }

  /** Reads series until one more than the limit shows; only the first one's value is read. */
  private Read<QueryResult> vector(JsonParser json) throws ProblemException, IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw badResponse(status, "vector result is not an array");
    }
    List<Map<String, String>> labelSets = new ArrayList<>();
    Sample first = null;
    boolean histogram = false;
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (labelSets.size() == limits.maxSeries()) {
        return new Read<>(new QueryResult.MultipleSeries(labelSets, true), true);
      }
      expectObject(json, "series");
      Map<String, String> labels = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("metric")) {
          labels = labels(json);
        } else if (field.equals("value") && labelSets.isEmpty()) {
          first = sample(json);
        } else {
          histogram |= field.equals("histogram");
          json.skipChildren();
        }
      }
      labelSets.add(requireLabels(labels));
    }
    if (labelSets.isEmpty()) {
      return new Read<>(new QueryResult.Empty(), false);
    }
    if (labelSets.size() > 1) {
      return new Read<>(new QueryResult.MultipleSeries(labelSets), false);
    }
    if (first == null && histogram) {
      throw rejected("query returned a native histogram; it must return a number");
    }
    if (first == null) {
      throw badResponse(status, "series without a value");
    }
    return new Read<>(toResult(first), false);
  }

  private List<RangeSeries> matrix(JsonParser json) throws ProblemException, IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw badResponse(status, "matrix result is not an array");
    }
    List<RangeSeries> series = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (series.size() == limits.maxSeries()) {
        throw rejected(
            "range query returned more than "
                + limits.maxSeries()
                + " series; it must return one: wrap it in sum(...)");
      }
      expectObject(json, "series");
      Map<String, String> labels = null;
      List<Sample> samples = null;
      boolean histograms = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("metric")) {
          labels = labels(json);
        } else if (field.equals("values")) {
          samples = samples(json);
        } else {
          histograms |= field.equals("histograms");
          json.skipChildren();
        }
      }
      if (samples == null && histograms) {
        throw rejected("query returned native histograms; it must return numbers");
      }
      if (samples == null) {
        throw badResponse(status, "series without values");
      }
      series.add(new RangeSeries(requireLabels(labels), samples));
    }
    return series;
  }

  private List<Sample> samples(JsonParser json) throws ProblemException, IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw badResponse(status, "series values are not an array");
    }
    List<Sample> samples = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (++points > limits.maxPoints()) {
        throw rejected(
            "range query returned more than "
                + limits.maxPoints()
                + " points, the most read from one answer; ask for a shorter range or a longer"
                + " step");
      }
      samples.add(sample(json));
    }
    return samples;
  }

  /** Reads {@code [<unix seconds>, "<value>"]}. */
  private Sample sample(JsonParser json) throws ProblemException, IOException {
    String expected = "malformed sample: expected [<unix time>, \"<value>\"]";
    if (json.currentToken() != JsonToken.START_ARRAY || !json.nextToken().isNumeric()) {
      throw badResponse(status, expected);
    }
    double seconds = json.getDoubleValue();
    if (json.nextToken() != JsonToken.VALUE_STRING) {
      throw badResponse(status, expected);
    }
    String text = json.getText();
    if (json.nextToken() != JsonToken.END_ARRAY) {
      throw badResponse(status, expected);
    }
    return new Sample(Instant.ofEpochMilli(Math.round(seconds * 1000)), value(text));
  }

  private double value(String text) throws ProblemException {
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
          throw badResponse(status, "sample value is not a number: " + text);
        }
    }
  }

  /** Reads a {@code metric} object, within the label limits. */
  private Map<String, String> labels(JsonParser json) throws ProblemException, IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      String text = value.isScalarValue() ? json.getText() : "";
      json.skipChildren();
      if (labels.size() == limits.maxLabels()) {
        throw badResponse(status, "a series has more than " + limits.maxLabels() + " labels");
      }
      labelText += name.length() + text.length();
      if (labelText > limits.maxLabelText()) {
        throw badResponse(
            status,
            "the series' labels are longer than " + limits.maxLabelText() + " characters in all");
      }
      labels.put(name, text);
    }
    return labels;
  }

  private Map<String, String> requireLabels(Map<String, String> labels) throws ProblemException {
    if (labels == null) {
      throw badResponse(status, "series without labels");
    }
    return labels;
  }

  private void expectObject(JsonParser json, String what) throws ProblemException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw badResponse(status, what + " is not an object");
    }
  }

  private static QueryResult toResult(Sample sample) {
    return Double.isFinite(sample.value())
        ? new QueryResult.Value(sample.value(), sample.timestamp())
        : new QueryResult.NotFinite(sample.value(), sample.timestamp());
  }

  private ProblemException rejected(String message) {
    return new ProblemException(FailureKind.QUERY_REJECTED, status, null, message);
  }
}
