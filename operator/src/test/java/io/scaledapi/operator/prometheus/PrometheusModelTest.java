package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusModelTest {

  @Test
  void toStringNeverShowsSecrets() {
    PrometheusAuth bearer = new PrometheusAuth.Bearer("tok-123456");
    PrometheusAuth basic = new PrometheusAuth.Basic("alice", "pw-987654");
    PrometheusEndpoint endpoint =
        new PrometheusEndpoint(
            URI.create("https://prom:9090"), bearer, Optional.of("PEM"), Duration.ofSeconds(2));

    assertThat(bearer.toString()).isEqualTo("Bearer(***)");
    assertThat(basic.toString()).isEqualTo("Basic(username=alice, password=***)");
    assertThat(endpoint.toString())
        .isEqualTo(
            "PrometheusEndpoint[address=https://prom:9090, auth=Bearer(***), customCa=true,"
                + " timeout=PT2S]");
    assertThat(bearer.toString() + basic + endpoint).doesNotContain("tok-123456", "pw-987654");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://prom:9090",
        "prom:9090",
        "/api",
        "http:///path",
        "http://user:pw@prom:9090",
        "http://prom:9090?x=1",
        "http://prom:9090#top"
      })
  void unusableAddressesAreRejected(String address) {
    assertThatThrownBy(() -> PrometheusEndpoint.of(URI.create(address), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("pw");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://prom:9090", "HTTPS://prom.example/prometheus/", "http://[::1]:9090"})
  void usableAddressesAreAccepted(String address) {
    assertThat(PrometheusEndpoint.of(URI.create(address), Duration.ofSeconds(1)).address())
        .hasToString(address);
  }

  @Test
  void timeoutMustBePositive() {
    URI address = URI.create("http://prom:9090");
    assertThatThrownBy(() -> PrometheusEndpoint.of(address, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusEndpoint.of(address, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bearerTokenMustBeUsable() {
    assertThat(new PrometheusAuth.Bearer("  abc \n").token()).isEqualTo("abc");
    assertThatThrownBy(() -> new PrometheusAuth.Bearer(" \n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PrometheusAuth.Bearer("ab\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Evil");
    assertThatThrownBy(() -> new PrometheusAuth.Basic("a:b", "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultsGuardTheirInvariants() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> new QueryResult.Value(Double.NaN, now))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QueryResult.NotFinite(1, now))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QueryResult.MultipleSeries(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CONNECTION | 0 | | cannot connect to http://127.0.0.1:9/: connection refused"
            + " | cannot connect to http://127.0.0.1:9/: connection refused",
        "TIMEOUT | 0 | | timed out after 2s | timed out after 2s",
        "QUERY_REJECTED | 400 | bad_data | parse error at char 5: unexpected"
            + " | Prometheus rejected the query (bad_data): parse error at char 5: unexpected",
        "HTTP | 502 | | Bad Gateway | Prometheus answered HTTP 502: Bad Gateway",
        "BAD_RESPONSE | 200 | | not JSON: hi | unreadable response from Prometheus: not JSON: hi"
      })
  void failuresDescribeThemselves(
      FailureKind kind, int status, String errorType, String message, String described) {
    assertThat(new QueryResult.Failure(kind, status, errorType, message).describe())
        .isEqualTo(described);
    assertThat(new RangeResult.Failure(kind, status, errorType, message).describe())
        .isEqualTo(described);
  }

  @ParameterizedTest
  @CsvSource({"2000, 2s", "300, 300ms", "1500, 1.5s", "120000, 120s"})
  void durationsAreShort(long millis, String text) {
    assertThat(Descriptions.duration(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"42, 42", "-3, -3", "0.25, 0.25", "1e20, 1.0E20"})
  void numbersArePrintedPlainly(double value, String text) {
    assertThat(Descriptions.number(value)).isEqualTo(text);
  }
}
