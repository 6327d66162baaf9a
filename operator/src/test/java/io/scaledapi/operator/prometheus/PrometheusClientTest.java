package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.testing.FakeHttpServer;
import io.scaledapi.operator.testing.FakeHttpServer.RecordedRequest;
import io.scaledapi.operator.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusClientTest {

  private static final String ONE_SERIES =
      """
      {"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"queue_depth","queue":"orders"},"value":[1700000000.5,"42"]}]}}
      """;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static SelfSignedCertificate serverCertificate;
  private static SelfSignedCertificate otherCertificate;

  private FakeHttpServer server;

  @BeforeAll
  static void generateCertificates() {
    serverCertificate = SelfSignedCertificate.generate("fake-prometheus");
    otherCertificate = SelfSignedCertificate.generate("someone-else");
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void postsTheQueryFormEncodedAndReadsTheValue() {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES);
    String promql = "sum(rate(http_requests_total{path=~\"/api/.+\", code!=\"200\"}[5m])) & x";

    QueryResult result =
        client(server.baseUri()).query(promql, Instant.ofEpochMilli(1700000000123L));

    assertThat(result).isEqualTo(new QueryResult.Value(42, Instant.ofEpochMilli(1700000000500L)));
    RecordedRequest request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/query");
    assertThat(request.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsEntry("query", promql)
        .containsEntry("time", "1700000000.123")
        .containsEntry("timeout", "5");
    assertThat(request.header("Authorization")).isEmpty();
  }

  @Test
  void sendsBearerToken() {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES);
    PrometheusEndpoint endpoint =
        new PrometheusEndpoint(
            server.baseUri(),
            new PrometheusAuth.Bearer("s3cr3t-token\n"),
            Optional.empty(),
            TIMEOUT);
    PrometheusClient client = new PrometheusClient(endpoint);

    client.query("up", Instant.now());
    client.queryRange("up", Instant.now().minusSeconds(60), Instant.now(), Duration.ofSeconds(15));

    assertThat(server.requests())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Authorization")).hasValue("Bearer s3cr3t-token"));
  }

  @Test
  void sendsBasicCredentials() {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES);
    PrometheusEndpoint endpoint =
        new PrometheusEndpoint(
            server.baseUri(),
            new PrometheusAuth.Basic("alice", "pä:ss word"),
            Optional.empty(),
            TIMEOUT);

    new PrometheusClient(endpoint).query("up", Instant.now());

    String expected =
        Base64.getEncoder().encodeToString("alice:pä:ss word".getBytes(StandardCharsets.UTF_8));
    assertThat(server.onlyRequest().header("Authorization")).hasValue("Basic " + expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prometheus", "/prometheus/", "/prometheus//"})
  void keepsThePathPrefixOfTheAddress(String prefix) {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES);

    client(URI.create(server.baseUri() + prefix)).query("up", Instant.now());
    client(URI.create(server.baseUri() + prefix))
        .queryRange("up", Instant.now().minusSeconds(60), Instant.now(), Duration.ofSeconds(15));

    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/prometheus/api/v1/query", "/prometheus/api/v1/query_range");
  }

  @Test
  void sendsRangeParameters() {
    server =
        FakeHttpServer.http()
            .respondJson(
                200,
                """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"queue":"a"},"values":[[1700000000,"1"],[1700000015,"NaN"]]}]}}
                """);

    RangeResult result =
        client(server.baseUri())
            .queryRange(
                "queue_depth",
                Instant.ofEpochSecond(1700000000),
                Instant.ofEpochMilli(1700000030250L),
                Duration.ofMillis(15500));

    assertThat(server.onlyRequest().form())
        .containsEntry("query", "queue_depth")
        .containsEntry("start", "1700000000.000")
        .containsEntry("end", "1700000030.250")
        .containsEntry("step", "15.5");
    assertThat(result).isInstanceOf(RangeResult.Series.class);
    RangeSeries series = ((RangeResult.Series) result).series().get(0);
    assertThat(series.labels()).containsExactly(java.util.Map.entry("queue", "a"));
    assertThat(series.samples())
        .containsExactly(
            new Sample(Instant.ofEpochSecond(1700000000), 1),
            new Sample(Instant.ofEpochSecond(1700000015), Double.NaN));
  }

  @Test
  void unavailablePrometheusIsAnHttpFailureWithItsOwnErrorText() {
    server =
        FakeHttpServer.http()
            .respondJson(
                503,
                "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"TSDB not ready\"}");

    QueryResult result = client(server.baseUri()).query("up", Instant.now());

    assertThat(result)
        .isEqualTo(new QueryResult.Failure(FailureKind.HTTP, 503, "unavailable", "TSDB not ready"));
    assertThat(result.describe())
        .isEqualTo("Prometheus answered HTTP 503 (unavailable): TSDB not ready");
  }

  @Test
  void badQueryIsRejectedWithPrometheusErrorText() {
    server =
        FakeHttpServer.http()
            .respondJson(
                400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\","
                    + "\"error\":\"1:5: parse error: unexpected end of input\"}");

    QueryResult query = client(server.baseUri()).query("sum(", Instant.now());
    RangeResult range =
        client(server.baseUri())
            .queryRange(
                "sum(", Instant.now().minusSeconds(5), Instant.now(), Duration.ofSeconds(1));

    QueryResult.Failure expected =
        new QueryResult.Failure(
            FailureKind.QUERY_REJECTED,
            400,
            "bad_data",
            "1:5: parse error: unexpected end of input");
    assertThat(query).isEqualTo(expected);
    assertThat(query.describe())
        .isEqualTo(
            "Prometheus rejected the query (bad_data): 1:5: parse error: unexpected end of input");
    assertThat(range)
        .isEqualTo(
            new RangeResult.Failure(
                FailureKind.QUERY_REJECTED,
                400,
                "bad_data",
                "1:5: parse error: unexpected end of input"));
  }

  @Test
  void htmlErrorPageIsAnHttpFailureWithAShortExcerpt() {
    String page =
        "<html><head><title>500</title></head><body><h1>Internal Server Error</h1>\n<p>"
            + "upstream exploded ".repeat(50)
            + "</p></body></html>";
    server = FakeHttpServer.http().respond(500, "text/html", page);

    QueryResult result = client(server.baseUri()).query("up", Instant.now());

    assertThat(result).isInstanceOf(QueryResult.Failure.class);
    QueryResult.Failure failure = (QueryResult.Failure) result;
    assertThat(failure.kind()).isEqualTo(FailureKind.HTTP);
    assertThat(failure.httpStatus()).isEqualTo(500);
    assertThat(failure.errorType()).isNull();
    assertThat(failure.message())
        .startsWith("500 Internal Server Error upstream exploded")
        .doesNotContain("<", "\n")
        .endsWith(" characters)")
        .hasSizeLessThanOrEqualTo(ResponseText.MAX_LENGTH + 20);
    assertThat(failure.describe()).startsWith("Prometheus answered HTTP 500: 500 Internal Server");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "this is not json",
        "{\"status\":\"success\",\"data\":",
        "{\"status\":\"success\"} trailing",
        "{\"hello\":\"world\"}",
        "[1,2,3]",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"many\"]}]}}"
      })
  void garbageIsABadResponse(String body) {
    server = FakeHttpServer.http().respond(200, "application/json", body);

    QueryResult result = client(server.baseUri()).query("up", Instant.now());

    assertThat(result).isInstanceOf(QueryResult.Failure.class);
    QueryResult.Failure failure = (QueryResult.Failure) result;
    assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
    assertThat(failure.httpStatus()).isEqualTo(200);
    assertThat(failure.describe()).startsWith("unreadable response from Prometheus: ");
  }

  @Test
  void garbageBodyIsQuotedInTheMessage() {
    server = FakeHttpServer.http().respond(200, "text/plain", "hello from a proxy");

    QueryResult result = client(server.baseUri()).query("up", Instant.now());

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 200, null, "not JSON: hello from a proxy"));
  }

  @Test
  void oversizedResponseIsABadResponse() {
    server = FakeHttpServer.http().respondJson(200, ONE_SERIES.repeat(100));
    PrometheusClient client =
        new PrometheusClient(
            PrometheusEndpoint.of(server.baseUri(), TIMEOUT),
            ResponseLimits.DEFAULT.withMaxBytes(1000));

    QueryResult result = client.query("up", Instant.now());

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE, 0, null, "response is larger than 1000 bytes"));
  }

  @Test
  void slowResponseTimesOut() {
    server = FakeHttpServer.http().hang();
    PrometheusClient client =
        new PrometheusClient(PrometheusEndpoint.of(server.baseUri(), Duration.ofMillis(300)));

    long start = System.nanoTime();
    QueryResult result = client.query("up", Instant.now());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.TIMEOUT,
                0,
                null,
                "no answer from Prometheus at " + server.baseUri() + " within 300ms"));
    assertThat(elapsed).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  @Test
  void stalledBodyTimesOut() {
    server = FakeHttpServer.http().stallAfterHeaders("{\"status\":\"success\",");
    PrometheusClient client =
        new PrometheusClient(PrometheusEndpoint.of(server.baseUri(), Duration.ofMillis(300)));

    long start = System.nanoTime();
    QueryResult result = client.query("up", Instant.now());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.TIMEOUT,
                0,
                null,
                "no answer from Prometheus at " + server.baseUri() + " within 300ms"));
    assertThat(elapsed).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  @Test
  void refusedConnectionIsAConnectionFailure() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + unusedPort() + "/");

    QueryResult result = client(closed).query("up", Instant.now());

    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.CONNECTION,
                0,
                null,
                "cannot connect to " + closed + ": connection refused"));
    assertThat(result.describe()).isEqualTo("cannot connect to " + closed + ": connection refused");
  }

  @Test
  void interruptedCallerGetsAFailureAndKeepsItsInterruptFlag() {
    server = FakeHttpServer.http().hang();
    Thread.currentThread().interrupt();

    QueryResult result = client(server.baseUri()).query("up", Instant.now());

    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    assertThat(result)
        .isEqualTo(
            new QueryResult.Failure(
                FailureKind.TIMEOUT, 0, null, "interrupted while waiting for Prometheus"));
  }

  @Test
  void selfSignedServerIsRejectedWithoutItsCertificate() {
    server = FakeHttpServer.https(serverCertificate.serverContext()).respondJson(200, ONE_SERIES);

    QueryResult defaultTrust = client(server.baseUri()).query("up", Instant.now());
    QueryResult otherCa = tlsClient(otherCertificate.pem()).query("up", Instant.now());

    assertThat(server.requests()).isEmpty();
    for (QueryResult result : new QueryResult[] {defaultTrust, otherCa}) {
      assertThat(result).isInstanceOf(QueryResult.Failure.class);
      assertThat(((QueryResult.Failure) result).kind()).isEqualTo(FailureKind.CONNECTION);
      assertThat(result.describe())
          .startsWith("cannot connect to " + server.baseUri() + ": TLS handshake failed: ");
    }
  }

  @Test
  void selfSignedServerIsAcceptedWithItsCertificateAsCustomCa() {
    server = FakeHttpServer.https(serverCertificate.serverContext()).respondJson(200, ONE_SERIES);
    String bundle =
        "# two certificates\n" + otherCertificate.pem() + "\n" + serverCertificate.pem();

    QueryResult result = tlsClient(bundle).query("up", Instant.now());

    assertThat(result).isInstanceOf(QueryResult.Value.class);
    assertThat(((QueryResult.Value) result).value()).isCloseTo(42, within(0.0));
    assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/query");
  }

  @Test
  void unusableCaCertificateIsReportedByEveryQuery() {
    server = FakeHttpServer.https(serverCertificate.serverContext()).respondJson(200, ONE_SERIES);

    PrometheusClient client =
        tlsClient("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    QueryResult result = client.query("up", Instant.now());
    assertThat(result).isInstanceOf(QueryResult.Failure.class);
    assertThat(((QueryResult.Failure) result).kind()).isEqualTo(FailureKind.CONNECTION);
    assertThat(result.describe()).contains("invalid CA certificate", "no PEM certificate");
    RangeResult range =
        client.queryRange(
            "up", Instant.now().minusSeconds(5), Instant.now(), Duration.ofSeconds(1));
    assertThat(range.describe()).contains("invalid CA certificate");
    assertThat(server.requests()).isEmpty();
  }

  private PrometheusClient client(URI address) {
    return new PrometheusClient(PrometheusEndpoint.of(address, TIMEOUT));
  }

  private PrometheusClient tlsClient(String pem) {
    return new PrometheusClient(
        new PrometheusEndpoint(
            server.baseUri(), new PrometheusAuth.None(), Optional.of(pem), TIMEOUT));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
