package io.scaledapi.operator.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queries the Prometheus HTTP API ({@code /api/v1/query} and {@code /api/v1/query_range}).
 *
 * <p>Queries are sent as form-encoded POST requests, so long expressions are fine. Network errors,
 * timeouts, HTTP errors and Prometheus errors come back as {@code Failure} results; only invalid
 * arguments throw. A problem with the configured CA certificate is reported the same way, by every
 * query. Instances are thread-safe, and cheap: they share one HTTP client per TLS configuration.
 *
 * <p>Every query is bounded: it ends within the endpoint's timeout, from connecting to the end of
 * parsing, and it holds no more of the answer than {@link ResponseLimits} allow. Text copied from
 * an answer into a failure has the credentials masked and is then cut to a short length.
 */
public final class PrometheusClient implements MetricsSource {

  private final PrometheusEndpoint endpoint;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final TransportProblems problems;
  private final Redaction redaction;
  private final PrometheusResponseParser parser;
  private final ResponseLimits limits;
  private final Problem setupProblem;

  /** A client for {@code endpoint}. */
  public PrometheusClient(PrometheusEndpoint endpoint) {
    this(endpoint, ResponseLimits.DEFAULT);
  }

  PrometheusClient(PrometheusEndpoint endpoint, ResponseLimits limits) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.limits = limits;
    this.authorization = authorizationHeader(endpoint.auth());
    this.problems = new TransportProblems(endpoint.address(), endpoint.timeout());
    this.redaction = Redaction.of(endpoint.auth());
    this.parser = new PrometheusResponseParser(redaction, limits);
    Optional<String> ca =
        endpoint.isHttps() ? endpoint.caCertificatePem() : Optional.<String>empty();
    HttpClient client = null;
    Problem problem = null;
    try {
      client = SharedHttpClients.JVM.get(ca);
    } catch (GeneralSecurityException e) {
      problem = problems.connection("invalid CA certificate: " + e.getMessage());
    }
    this.http = client;
    this.setupProblem = problem;
  }

  /** The endpoint this client talks to. */
  public PrometheusEndpoint endpoint() {
    return endpoint;
  }

  /** Evaluates {@code promql} at {@code time}; the result must be one series or a scalar. */
  @Override
  public QueryResult query(String promql, Instant time) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(time, "time");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("time", seconds(time));
    form.put("timeout", seconds(endpoint.timeout()));
    return post("api/v1/query", form, parser::query, Problem::toQueryFailure);
  }

  /** Evaluates {@code promql} from {@code start} to {@code end} every {@code step}. */
  @Override
  public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (step.toMillis() < 1) {
      throw new IllegalArgumentException("step must be at least 1ms: " + step);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("start", seconds(start));
    form.put("end", seconds(end));
    form.put("step", seconds(step));
    form.put("timeout", seconds(endpoint.timeout()));
    return post("api/v1/query_range", form, parser::range, Problem::toRangeFailure);
  }

  /** Reads one answer; throws what went wrong. */
  private interface Parse<R> {
    R apply(int status, BodyStream body) throws ProblemException, IOException;
  }

  /**
   * Sends the form and parses the response as it arrives, all by one deadline, or turns what went
   * wrong into a failure; no failure carries the credentials, even when the server echoes them.
   */
  private <R> R post(
      String apiPath, Map<String, String> form, Parse<R> parse, Function<Problem, R> failed) {
    Function<Problem, R> failure = problem -> failed.apply(problem.leaving(redaction));
    if (setupProblem != null) {
      return failure.apply(setupProblem);
    }
    long deadline = System.nanoTime() + endpoint.timeout().toNanos();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(apiPath))
            .timeout(endpoint.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
    authorization.ifPresent(value -> request.header("Authorization", value));
    BodyStream body = new BodyStream(deadline, limits.maxBytes());
    HttpResponse<InputStream> response;
    try {
      // send, not sendAsync: the JDK completes every sendAsync on CompletableFuture's default
      // executor, which starts a thread per call when the common pool has one thread (2 CPUs or
      // fewer). The request's timeout bounds the wait for the response's head, as the deadline
      // does.
      response = http.send(request.build(), info -> body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure.apply(problems.interrupted());
    } catch (IOException e) {
      return failure.apply(problems.of(e));
    }
    try (body) {
      return parse.apply(response.statusCode(), body);
    } catch (ProblemException e) {
      return failure.apply(e.problem());
    } catch (InterruptedIOException e) {
      return failure.apply(problems.interrupted());
    } catch (IOException e) {
      return failure.apply(problems.of(e));
    }
  }

  private URI resolve(String apiPath) {
    String base = endpoint.address().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/" + apiPath);
  }

  private static Optional<String> authorizationHeader(PrometheusAuth auth) {
    if (auth instanceof PrometheusAuth.Bearer bearer) {
      return Optional.of("Bearer " + bearer.token());
    }
    if (auth instanceof PrometheusAuth.Basic basic) {
      String pair = basic.username() + ":" + basic.password();
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.empty();
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Unix time in seconds with millisecond precision, as Prometheus expects. */
  private static String seconds(Instant time) {
    return BigDecimal.valueOf(time.toEpochMilli(), 3).toPlainString();
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
