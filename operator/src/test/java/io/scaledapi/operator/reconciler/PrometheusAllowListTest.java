package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matching rule: same scheme, host (any case) and port (80 and 443 when left out), and a path
 * equal to the allowed one or below it at a {@code /}; trailing slashes do not count. An address
 * that could mean another path to the server that answers it (dot segments, percent-encoding,
 * {@code ;}) is refused outright.
 */
class PrometheusAllowListTest {
  static final PrometheusAllowList ALLOWED =
      PrometheusAllowList.of(
          Optional.of(URI.create("http://prometheus-server.monitoring.svc")),
          List.of(
              URI.create("http://thanos-query.monitoring.svc:9090/prom/"),
              URI.create("https://prometheus.example.com")));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          allowed | http://thanos-query.monitoring.svc:9090/prom
          allowed | http://thanos-query.monitoring.svc:9090/prom/
          allowed | http://thanos-query.monitoring.svc:9090/prom///
          allowed | http://Thanos-Query.MONITORING.svc:9090/prom
          allowed | HTTP://thanos-query.monitoring.svc:9090/prom
          allowed | http://thanos-query.monitoring.svc:9090/prom/tenant-a
          allowed | http://prometheus-server.monitoring.svc
          allowed | http://prometheus-server.monitoring.svc:80/
          allowed | http://prometheus-server.monitoring.svc/any/path/below
          allowed | https://prometheus.example.com:443/api-gateway
          refused | http://thanos-query.monitoring.svc:9090/prometheus
          refused | http://thanos-query.monitoring.svc:9090/pro
          refused | http://thanos-query.monitoring.svc:9090/
          refused | http://thanos-query.monitoring.svc:9091/prom
          refused | http://thanos-query.monitoring.svc/prom
          refused | https://thanos-query.monitoring.svc:9090/prom
          refused | http://thanos-query.monitoring.svc.evil.example:9090/prom
          refused | http://thanos-query.monitoring:9090/prom
          refused | http://prometheus-server.monitoring.svc:8080
          refused | http://prometheus-server.monitoring.svc.:80
          refused | https://prometheus-server.monitoring.svc
          refused | http://prometheus.example.com
          refused | https://prometheus.example.com:8443
          refused | http://thanos-query.monitoring.svc:9090/prom/../admin
          refused | http://thanos-query.monitoring.svc:9090/prom/./x
          refused | http://thanos-query.monitoring.svc:9090/prom/%2e%2e/admin
          refused | http://thanos-query.monitoring.svc:9090/prom%2F..%2Fadmin
          refused | http://thanos-query.monitoring.svc:9090/prom/..;/admin
          refused | http://thanos-query.monitoring.svc:9090/prom?target=http://kube-apiserver
          refused | http://thanos-query.monitoring.svc:9090/prom#x
          refused | http://thanos-query.monitoring.svc:9090@evil.example/prom
          refused | http://user:pass@thanos-query.monitoring.svc:9090/prom
          refused | http://kubernetes.default.svc
          refused | http://169.254.169.254/latest/meta-data
          refused | ftp://prometheus-server.monitoring.svc
          refused | not a url
          """)
  void matches(String verdict, String address) {
    assertThat(ALLOWED.refusal(address))
        .as("refusal of %s", address)
        .matches(r -> r.isEmpty() == verdict.equals("allowed"));
  }

  @Test
  void aRefusalNamesTheFieldTheAllowedAddressesAndTheFix() {
    assertThat(ALLOWED.refusal("http://kubernetes.default.svc"))
        .contains(
            "spec.prometheus.address: http://kubernetes.default.svc is not an allowed Prometheus"
                + " address (allowed: http://prometheus-server.monitoring.svc,"
                + " http://thanos-query.monitoring.svc:9090/prom, https://prometheus.example.com);"
                + " ask the cluster admin to add it to prometheus.allowedAddresses, or leave it"
                + " out to use the default");
  }

  @Test
  void withoutADefaultTheFixIsTheAdminsOnly() {
    PrometheusAllowList noDefault =
        PrometheusAllowList.of(
            Optional.empty(), List.of(URI.create("http://thanos-query.monitoring.svc:9090")));
    assertThat(noDefault.refusal("http://prometheus:9090"))
        .contains(
            "spec.prometheus.address: http://prometheus:9090 is not an allowed Prometheus address"
                + " (allowed: http://thanos-query.monitoring.svc:9090); ask the cluster admin to"
                + " add it to prometheus.allowedAddresses");
  }

  /** {@code run} from a laptop with neither flag: nothing but a clear refusal. */
  @Test
  void withNothingConfiguredEveryAddressIsRefused() {
    PrometheusAllowList none = PrometheusAllowList.of(Optional.empty(), List.of());
    assertThat(none.refusal("http://localhost:9090"))
        .contains(
            "spec.prometheus.address: http://localhost:9090 is not an allowed Prometheus address"
                + " (the operator allows none: it was started without a default address and"
                + " without allowed addresses); ask the cluster admin to add it to"
                + " prometheus.allowedAddresses");
  }

  @Test
  void anAddressThatCouldMeanAnotherPathSaysWhy() {
    assertThat(ALLOWED.refusal("http://thanos-query.monitoring.svc:9090/prom/%2e%2e/admin"))
        .contains(
            "spec.prometheus.address: the path of"
                + " http://thanos-query.monitoring.svc:9090/prom/%2e%2e/admin may hold only"
                + " letters, digits, '-', '.', '_', '~' and '/', with no '.' or '..' segment");
    assertThat(ALLOWED.refusal("http://thanos-query.monitoring.svc:9090/prom?x=1"))
        .contains(
            "spec.prometheus.address: http://thanos-query.monitoring.svc:9090/prom?x=1 must not"
                + " have a query (?...) or a fragment (#...)");
  }

  @Test
  void credentialsInTheAddressAreRefusedWithoutRepeatingThem() {
    assertThat(ALLOWED.refusal("http://user:hunter2@prometheus-server.monitoring.svc"))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .isEqualTo(
                        "spec.prometheus.address must not contain user information"
                            + " (user:password@); set spec.prometheus.auth instead")
                    .doesNotContain("hunter2"));
  }

  @Test
  void aBadAllowedAddressIsRefusedAtStartNamingIt() {
    assertThatThrownBy(
            () ->
                PrometheusAllowList.of(
                    Optional.empty(), List.of(URI.create("prometheus-server.monitoring.svc"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "prometheus-server.monitoring.svc must start with http:// or https://, e.g."
                + " http://prometheus.monitoring.svc:9090");
  }

  @Test
  void theDefaultIsAllowedEvenWhenNamedInAnotherSpelling() {
    PrometheusAllowList defaultOnly =
        PrometheusAllowList.of(Optional.of(URI.create("http://localhost:9090")), List.of());
    assertThat(defaultOnly.refusal("http://LOCALHOST:9090/")).isEmpty();
    assertThat(defaultOnly.refusal("http://localhost:9091")).isPresent();
  }
}
