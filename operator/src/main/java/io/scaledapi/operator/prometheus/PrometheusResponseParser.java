package io.scaledapi.operator.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Reads the HTTP status and body of a Prometheus API response into a result, as a stream of JSON
 * tokens: nothing is held but what the result needs, within the {@link ResponseLimits}. Reading
 * stops as soon as the result is known, so a huge answer costs no more than its first series.
 * Failures carry the response's own text uncut; the client masks credentials and then cuts it.
 * Exceptions other than {@link ProblemException} come from the transport (deadline, size, reset).
 */
final class PrometheusResponseParser {

  /** Reads the {@code data} object of an answer; {@code stopped} when it stopped before its end. */
  interface DataReader<R> {
    Read<R> read(JsonParser json) throws ProblemException, IOException;
  }

  /** What a {@link DataReader} found. */
  record Read<R>(R result, boolean stopped) {}

  private final Redaction redaction;
  private final ResponseLimits limits;
  private final JsonFactory factory;

  PrometheusResponseParser(Redaction redaction, ResponseLimits limits) {
    this.redaction = redaction;
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxString())
                    .maxNameLength(limits.maxString())
                    .maxNumberLength(100)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();
  }

  /** Reads an answer of {@code /api/v1/query}. */
  QueryResult query(int status, BodyStream body) throws ProblemException, IOException {
    return read(status, body, new SeriesReader(status, limits)::instant);
  }

  /** Reads an answer of {@code /api/v1/query_range}. */
  RangeResult range(int status, BodyStream body) throws ProblemException, IOException {
    return read(status, body, new SeriesReader(status, limits)::range);
  }

  private <R> R read(int status, BodyStream body, DataReader<R> data)
      throws ProblemException, IOException {
    boolean ok = status >= 200 && status < 300;
    try (JsonParser json = factory.createParser(body)) {
      return envelope(status, json, body, data);
    } catch (StreamConstraintsException e) {
      throw new ProblemException(
          ok ? FailureKind.BAD_RESPONSE : FailureKind.HTTP, status, null, limitBroken(e));
    } catch (JsonProcessingException e) {
      throw notJson(status, body);
    }
  }

  /** Reads the envelope, handing its {@code data} to {@code data} in a successful answer. */
  private <R> R envelope(int status, JsonParser json, BodyStream body, DataReader<R> data)
      throws ProblemException, IOException {
    boolean ok = status >= 200 && status < 300;
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw notJson(status, body);
    }
    String state = null;
    String errorType = null;
    String error = "";
    Read<R> read = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "status" -> state = value.isScalarValue() ? json.getText() : skip(json);
        case "errorType" -> errorType = value == JsonToken.VALUE_STRING ? json.getText() : null;
        case "error" -> error = errorText(json, status, state, errorType);
        case "data" -> {
          if (!ok || "error".equals(state) || value != JsonToken.START_OBJECT) {
            json.skipChildren();
          } else {
            read = data.read(json);
            if (read.stopped()) {
              return read.result();
            }
          }
        }
        default -> json.skipChildren();
      }
    }
    if (json.nextToken() != null) {
      throw notJson(status, body);
    }
    if ("error".equals(state)) {
      throw errorAnswer(status, errorType, error.isBlank() ? "no error message" : error.strip());
    }
    if (!ok) {
      throw new ProblemException(FailureKind.HTTP, status, null, excerpt(body));
    }
    if (!"success".equals(state) || read == null) {
      throw badResponse(status, "not a Prometheus API response: " + excerpt(body));
    }
    return read.result();
  }

  /** Prometheus's error text, unless it is longer than any string read. */
  private String errorText(JsonParser json, int status, String state, String errorType)
      throws ProblemException, IOException {
    if (!json.currentToken().isScalarValue()) {
      return skip(json);
    }
    try {
      return json.getText();
    } catch (StreamConstraintsException e) {
      String tooLong = "its error text is longer than " + limits.maxString() + " characters";
      if (state == null || state.equals("error")) {
        throw errorAnswer(status, errorType, tooLong);
      }
      throw badResponse(status, tooLong);
    }
  }

  private static ProblemException errorAnswer(int status, String errorType, String message) {
    boolean rejected = (status >= 200 && status < 300) || status == 400 || status == 422;
    return new ProblemException(
        rejected ? FailureKind.QUERY_REJECTED : FailureKind.HTTP, status, errorType, message);
  }

  private ProblemException notJson(int status, BodyStream body) {
    boolean ok = status >= 200 && status < 300;
    return ok
        ? badResponse(status, "not JSON: " + excerpt(body))
        : new ProblemException(FailureKind.HTTP, status, null, excerpt(body));
  }

  private String limitBroken(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "JSON nested deeper than " + limits.maxDepth() + " levels";
    }
    if (message.contains("Number value length")) {
      return "a JSON number is longer than 100 digits";
    }
    return "a JSON string is longer than " + limits.maxString() + " characters";
  }

  private static String skip(JsonParser json) throws IOException {
    json.skipChildren();
    return "";
  }

  static ProblemException badResponse(int status, String message) {
    return new ProblemException(FailureKind.BAD_RESPONSE, status, null, message);
  }

  /**
   * The start of the body, credentials masked (even one cut off at the end of the start), on one
   * line and without markup; the client cuts it to length.
   */
  private String excerpt(BodyStream body) {
    String head = body.head();
    return flatExcerpt(body.complete() ? redaction.apply(head) : redaction.applyToStart(head));
  }

  /** One line without HTML tags or control characters; {@code (empty body)} for no text. */
  static String flatExcerpt(String text) {
    String flat =
        text.replaceAll("<[^<>]{0,200}>", " ")
            .replaceAll("\\p{Cntrl}", " ")
            .replaceAll("\\s+", " ")
            .strip();
    return flat.isEmpty() ? "(empty body)" : flat;
  }
}
