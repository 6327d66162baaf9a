package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.testing.FakeHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server that echoes the credentials back (in an error page, a Prometheus error, a garbage body)
 * never gets them into a failure message, which ends up in status, events and logs.
 */
class CredentialRedactionTest {
  private static final String TOKEN = "tok-3f9a1c77e2b04d5e";
  private static final PrometheusAuth BEARER = new PrometheusAuth.Bearer(TOKEN);
  private static final PrometheusAuth BASIC = new PrometheusAuth.Basic("alice", "pw+/=9x");
  private static final String BASIC_PAIR =
      Base64.getEncoder().encodeToString("alice:pw+/=9x".getBytes(StandardCharsets.UTF_8));

  private FakeHttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bearer | Bearer tok-3f9a1c77e2b04d5e rejected | Bearer *** rejected",
        "bearer | token=tok-3f9a1c77e2b04d5e | token=***",
        "basic  | pw+/=9x | ***",
        "basic  | alice:pw+/=9x | ***",
        "basic  | Basic YWxpY2U6cHcrLz05eA== | Basic ***",
        "basic  | p=pw%2B%2F%3D9x | p=***",
        "none   | Bearer anything | Bearer anything",
      })
  void everyFormOfTheCredentialsIsMasked(String auth, String text, String redacted) {
    assertThat(Redaction.of(auth(auth)).apply(text)).isEqualTo(redacted);
  }

  @Test
  void rejectionEchoingTheHeaderIsMasked() {
    server =
        FakeHttpServer.http()
            .respond(401, "text/plain", "unauthorized: got 'Authorization: Bearer " + TOKEN + "'");

    QueryResult result = client(BEARER).query("up", Instant.now());

    assertThat(result.describe())
        .isEqualTo("Prometheus answered HTTP 401: unauthorized: got 'Authorization: Bearer ***'");
  }

  @Test
  void prometheusErrorEchoingTheTokenIsMasked() {
    server =
        FakeHttpServer.http()
            .respondJson(
                403,
                "{\"status\":\"error\",\"errorType\":\"denied "
                    + TOKEN
                    + "\",\"error\":\"token "
                    + TOKEN
                    + " may not read\"}");

    QueryResult result = client(BEARER).query("up", Instant.now());

    assertThat(result.describe())
        .isEqualTo("Prometheus answered HTTP 403 (denied ***): token *** may not read");
  }

  @Test
  void secretCutByTheLengthLimitLeavesNoPrefix() {
    // "not JSON: " and 235 characters: the token starts 10 characters before the cut
    server =
        FakeHttpServer.http()
            .respond(200, "text/html", "x".repeat(235) + " " + TOKEN + " " + "y".repeat(100));

    QueryResult result = client(BEARER).query("up", Instant.now());

    assertThat(result.describe())
        .isEqualTo(
            "unreadable response from Prometheus: not JSON: "
                + "x".repeat(235)
                + " *** yyyyyy… (350 characters)")
        .doesNotContain(TOKEN.substring(0, 4));
  }

  @Test
  void secretCutAtTheEndOfTheExcerptSourceLeavesNoPrefix() {
    // the first 4096 bytes end with the first 10 characters of the token
    String tags = ("<" + "a".repeat(198) + ">").repeat(20);
    String body = tags + "x".repeat(86) + TOKEN + " and more";
    server = FakeHttpServer.http().respond(502, "text/html", body);

    QueryResult result = client(BEARER).query("up", Instant.now());

    assertThat(result.describe())
        .isEqualTo("Prometheus answered HTTP 502: " + "x".repeat(86) + "***")
        .doesNotContain(TOKEN.substring(0, 4));
  }

  @Test
  void theStartOfATextHidesASecretCutOffAtItsEnd() {
    Redaction redaction = Redaction.of(BASIC);

    assertThat(redaction.applyToStart("error for alice:pw+")).isEqualTo("error for ***");
    assertThat(redaction.applyToStart("header Basic YWxpY2U6")).isEqualTo("header Basic ***");
    assertThat(redaction.applyToStart("no secret here")).isEqualTo("no secret here");
  }

  @Test
  void basicCredentialsEchoedInARangeQueryAreMasked() {
    server = FakeHttpServer.http().respond(502, "text/html", "<p>header Basic " + BASIC_PAIR);

    RangeResult result =
        client(BASIC)
            .queryRange(
                "up", Instant.now().minusSeconds(60), Instant.now(), Duration.ofSeconds(15));

    assertThat(result.describe()).isEqualTo("Prometheus answered HTTP 502: header Basic ***");
  }

  private PrometheusClient client(PrometheusAuth auth) {
    return new PrometheusClient(
        new PrometheusEndpoint(server.baseUri(), auth, Optional.empty(), Duration.ofSeconds(5)));
  }

  private static PrometheusAuth auth(String name) {
    return switch (name) {
      case "bearer" -> BEARER;
      case "basic" -> BASIC;
      default -> new PrometheusAuth.None();
    };
  }
}
