package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.scaledapi.api.v1alpha1.BasicAuthSpec;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.testing.FaultProxy;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ScaledApis that authenticate to Prometheus with credentials from Secrets, each in a namespace of
 * its own, behind authenticating {@link FaultProxy}s; remembers every credential it stored, in each
 * form it travels in, and which Secret each namespace's ScaledApi names. The proxies are started up
 * front, so that the operator can be started with their addresses allowed.
 */
record CredentialScenarios(
    Cluster cluster,
    List<FaultProxy> proxies,
    AtomicInteger used,
    TestExporter exporter,
    Set<String> credentials,
    Map<String, String> secretOf)
    implements AutoCloseable {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String USER = "alice";
  static final String LABEL = "scaledapi.io/prometheus-credentials";

  /** Scenarios with {@code proxies} proxies to {@code prometheus}, one for each gate. */
  CredentialScenarios(Cluster cluster, TestExporter exporter, URI prometheus, int proxies) {
    this(
        cluster,
        Stream.generate(() -> FaultProxy.start(prometheus)).limit(proxies).toList(),
        new AtomicInteger(),
        exporter,
        ConcurrentHashMap.newKeySet(),
        new ConcurrentHashMap<>());
  }

  /** The proxies' addresses, for the operator's allowed Prometheus addresses. */
  List<URI> addresses() {
    return proxies.stream().map(FaultProxy::baseUri).toList();
  }

  /** A proxy to Prometheus that lets only {@code accepted} through; see {@link FaultProxy}. */
  FaultProxy gate(String accepted, int status, String type, String echoTemplate) {
    int next = used.getAndIncrement();
    if (next >= proxies.size()) {
      throw new IllegalStateException("all " + proxies.size() + " proxies in use; start more");
    }
    return proxies.get(next).requireAuthorization(accepted, status, type, echoTemplate);
  }

  /** A ScaledApi reading a bearer token from key {@code key} of Secret prom-token. */
  void bearer(String ns, String token, String key, FaultProxy proxy) {
    secret(ns, "prom-token", Map.of(key, token));
    scaledApi(ns, proxy, new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null));
  }

  /** A ScaledApi reading user {@value #USER} and {@code password} from Secret prom-basic. */
  void basic(String ns, String password, FaultProxy proxy) {
    secret(ns, "prom-basic", Map.of("username", USER, "password", password));
    credentials.add(basicPair(password));
    scaledApi(ns, proxy, new PrometheusAuthSpec(null, new BasicAuthSpec("prom-basic", null, null)));
  }

  /**
   * A Secret as the API server stores it, its values base64-encoded in data, labelled for use as
   * Prometheus credentials.
   */
  void secret(String ns, String name, Map<String, String> values) {
    cluster.ensureNamespace(ns);
    values.forEach(
        (key, value) -> {
          if (!key.equals("username")) {
            credentials.add(value);
            credentials.add(base64(value));
          }
        });
    cluster
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .withLabels(Map.of(LABEL, "true"))
                .endMetadata()
                .withData(
                    values.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> base64(e.getValue()))))
                .build())
        .create();
  }

  /** One replica, a queue of 95 (10 replicas when read), the proxy as Prometheus. */
  void scaledApi(String ns, FaultProxy proxy, PrometheusAuthSpec auth) {
    exporter.set(GAUGE, Map.of("app", ns), 95);
    cluster.createDeployment(ns, "api", 1);
    secretOf.put(
        ns, auth.bearer() != null ? auth.bearer().secretName() : auth.basic().secretName());
    cluster.createScaledApi(
        ns,
        new ScaledApiSpec(
            new ScaleTargetRef("apps/v1", "Deployment", "api"),
            1,
            20,
            "1s",
            new PrometheusSpec(proxy.baseUri().toString(), auth, null, "2s"),
            new QueueSpec("sum(" + GAUGE + "{app=\"" + ns + "\"})", 10.0),
            null,
            null,
            null,
            TestScaledApis.fastScaleUp(),
            null,
            null,
            Mode.ENFORCE,
            false));
  }

  /** Waits for MetricsAvailable False with exactly this cause, replicas held at 1. */
  void awaitMetricsUnavailable(String ns, String cause) {
    cluster.awaitStatus(
        ns,
        s -> {
          Condition metrics = Cluster.condition(s, Conditions.METRICS_AVAILABLE);
          assertThat(metrics.getStatus()).isEqualTo("False");
          assertThat(metrics.getReason()).isEqualTo("QueryFailed");
          assertThat(metrics.getMessage())
              .isEqualTo("metrics unavailable (queue: " + cause + "); holding 1 replica");
        });
    assertThat(replicas(ns)).isEqualTo(1);
  }

  int replicas(String ns) {
    return cluster.replicas(ns, "api");
  }

  static String basicHeader(String password) {
    return "Basic " + basicPair(password);
  }

  static String basicPair(String password) {
    return base64(USER + ":" + password);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    proxies.forEach(FaultProxy::close);
  }
}
