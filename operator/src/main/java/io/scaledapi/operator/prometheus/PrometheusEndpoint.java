package io.scaledapi.operator.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach Prometheus.
 *
 * @param address base address, {@code http} or {@code https}, optionally with a path prefix such as
 *     {@code http://host:9090/prometheus}; credentials, query and fragment are not allowed
 * @param auth how each request authenticates
 * @param caCertificatePem for {@code https}: one or more PEM certificates that are trusted
 *     <em>instead of</em> the JVM's default trust store; ignored for {@code http}
 * @param timeout limit for a whole request, from connecting to reading the last byte
 */
public record PrometheusEndpoint(
    URI address, PrometheusAuth auth, Optional<String> caCertificatePem, Duration timeout) {

  /** Validates the fields; throws {@link IllegalArgumentException} on an unusable value. */
  public PrometheusEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(caCertificatePem, "caCertificatePem");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = address.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("Prometheus address must start with http:// or https://");
    }
    if (address.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "Prometheus address must not contain credentials; configure authentication instead");
    }
    if (address.getHost() == null || address.getHost().isEmpty()) {
      throw new IllegalArgumentException("Prometheus address has no valid host: " + address);
    }
    if (address.getRawQuery() != null || address.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Prometheus address must not have a query or fragment: " + address);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** An endpoint without authentication and with the default trust store. */
  public static PrometheusEndpoint of(URI address, Duration timeout) {
    return new PrometheusEndpoint(address, new PrometheusAuth.None(), Optional.empty(), timeout);
  }

  /** Whether the address uses TLS. */
  public boolean isHttps() {
    return address.getScheme().equalsIgnoreCase("https");
  }

  @Override
  public String toString() {
    return "PrometheusEndpoint[address="
        + address
        + ", auth="
        + auth
        + ", customCa="
        + caCertificatePem.isPresent()
        + ", timeout="
        + timeout
        + "]";
  }
}
