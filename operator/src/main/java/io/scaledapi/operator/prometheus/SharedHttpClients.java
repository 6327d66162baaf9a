package io.scaledapi.operator.prometheus;

import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One JDK HTTP client per TLS configuration, shared by every {@link PrometheusClient} with that
 * configuration; credentials and timeouts go on each request instead. Each JDK client runs a
 * selector thread until it is garbage, and JDK 17 has no way to close one: so clients are held here
 * weakly, and a client that no {@code PrometheusClient} holds any more is collected, ending its
 * thread.
 */
final class SharedHttpClients {

  /** The clients of this JVM. */
  static final SharedHttpClients JVM = new SharedHttpClients();

  /** By CA bundle; empty for the JVM's default trust store. */
  private final Map<Optional<String>, WeakReference<HttpClient>> clients = new HashMap<>();

  /** The client trusting {@code caPem}, or the default trust store when empty. */
  synchronized HttpClient get(Optional<String> caPem) throws GeneralSecurityException {
    clients.values().removeIf(held -> held.get() == null);
    WeakReference<HttpClient> held = clients.get(caPem);
    HttpClient client = held == null ? null : held.get();
    if (client == null) {
      client = build(caPem);
      clients.put(caPem, new WeakReference<>(client));
    }
    return client;
  }

  private static HttpClient build(Optional<String> caPem) throws GeneralSecurityException {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (caPem.isPresent()) {
      builder.sslContext(TrustedCertificates.sslContext(caPem.get()));
    }
    return builder.build();
  }
}
