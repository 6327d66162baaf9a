package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.rbac.ApiCall;
import io.scaledapi.operator.testing.FaultProxy;
import io.scaledapi.operator.testing.LogCapture;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Prometheus credentials come from the ScaledApi's own namespace only, and never show in what the
 * operator writes: status, events, its log and its metrics. Authenticating {@link FaultProxy}s in
 * front of the real Prometheus check the {@code Authorization} header and, like careless servers,
 * echo a wrong one back in their error bodies.
 */
class CredentialSecrecyIT {
  static final String ACCEPTED = "right-token-0c5f7e21";
  static final String PASSWORD = "right-password-3a8c";
  static final Duration DEADLINE = Duration.ofSeconds(20);

  static KubernetesClient client;
  static RealCluster cluster;
  static LogCapture logs;
  static TestExporter exporter;
  static SharedPrometheus prometheus;
  static PrometheusMeterRegistry registry;
  static ScaledApiOperator operator;
  static CredentialScenarios scenarios;

  @BeforeAll
  static void startEverything() {
    logs = LogCapture.start();
    cluster =
        RealCluster.create(
            "tenant-a",
            "tenant-b",
            "right",
            "wrong",
            "forbidden",
            "page",
            "wrong-key",
            "basic-right",
            "basic-wrong");
    client = cluster.client();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
    // one proxy for each gate the tests open, each an address the operator allows
    scenarios = new CredentialScenarios(cluster, exporter, prometheus.baseUri(), 5);
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator =
        cluster.startOperator(
            cluster
                .settings(prometheus.baseUri(), Clock.systemUTC())
                .withAllowedPrometheus(scenarios.addresses()),
            registry);
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable part : new AutoCloseable[] {operator, scenarios, exporter}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (cluster != null) {
      cluster.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  void secretsAreReadFromTheScaledApisOwnNamespaceOnly() {
    String tenantA = cluster.ns("tenant-a");
    String tenantB = cluster.ns("tenant-b");
    String own = "tenant-a-token-9b07f3a6";
    FaultProxy proxy = scenarios.gate("Bearer " + own, 401, "text/plain", "unauthorized: got %s");
    // the same name in another namespace, holding a token the proxy would not even accept
    scenarios.secret(tenantB, "prom-token", Map.of("token", "tenant-b-token-5d2e81c4"));
    scenarios.scaledApi(
        tenantA, proxy, new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null));

    String missing =
        "Secret prom-token named in spec.prometheus.auth.bearer does not exist in namespace"
            + " "
            + tenantA
            + "; create it or fix spec.prometheus.auth.bearer.secretName";
    scenarios.awaitMetricsUnavailable(tenantA, missing);
    assertThat(cluster.events(tenantA, "MetricsUnavailable"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains(missing));
    assertThat(proxy.authorizations()).as("requests sent without a usable Secret").isEmpty();

    scenarios.secret(tenantA, "prom-token", Map.of("token", own));
    await("tenant-a scaled with its own token")
        .atMost(DEADLINE)
        .until(() -> scenarios.replicas(tenantA) == 10);
    assertThat(proxy.authorizations()).isNotEmpty().containsOnly("Bearer " + own);

    Set<ApiCall> reads =
        cluster.log().calls().stream()
            .filter(c -> c.resource().equals("secrets"))
            .collect(Collectors.toSet());
    assertThat(reads).as("Secret reads").isNotEmpty();
    assertThat(reads)
        .allSatisfy(
            call -> {
              assertThat(call.verb()).isEqualTo("get");
              assertThat(scenarios.secretOf())
                  .as("namespace to the Secret its ScaledApi names")
                  .containsEntry(call.namespace(), call.name());
            });
    assertThat(reads).noneMatch(c -> c.namespace().equals(tenantB));
  }

  @Test
  void credentialsNeverAppearInStatusEventsLogsOrMetrics() {
    String accepted = "Bearer " + ACCEPTED;
    FaultProxy echo401 = scenarios.gate(accepted, 401, "text/plain", "unauthorized: got %s");
    FaultProxy echo403 =
        scenarios.gate(
            accepted,
            403,
            "application/json",
            "{\"status\":\"error\",\"errorType\":\"forbidden\",\"error\":\"%s may not read\"}");
    FaultProxy echoPage =
        scenarios.gate(accepted, 200, "text/html", "<html><body>Welcome, %s</body></html>");
    FaultProxy basicGate =
        scenarios.gate(
            CredentialScenarios.basicHeader(PASSWORD), 401, "text/plain", "bad credentials %s");

    scenarios.bearer(cluster.ns("right"), ACCEPTED, "token", echo401);
    scenarios.bearer(cluster.ns("wrong"), "wrong-token-e83b4a90", "token", echo401);
    scenarios.bearer(cluster.ns("forbidden"), "forbidden-token-47d19c2b", "token", echo403);
    scenarios.bearer(cluster.ns("page"), "page-token-a2f6083d", "token", echoPage);
    scenarios.bearer(cluster.ns("wrong-key"), "misplaced-token-6e1b95f4", "tkn", echo401);
    scenarios.basic(cluster.ns("basic-right"), PASSWORD, basicGate);
    scenarios.basic(cluster.ns("basic-wrong"), "wrong-password-d71e", basicGate);

    await("right token used")
        .atMost(DEADLINE)
        .until(() -> scenarios.replicas(cluster.ns("right")) == 10);
    await("right password used")
        .atMost(DEADLINE)
        .until(() -> scenarios.replicas(cluster.ns("basic-right")) == 10);
    scenarios.awaitMetricsUnavailable(
        cluster.ns("wrong"), "Prometheus answered HTTP 401: unauthorized: got Bearer ***");
    scenarios.awaitMetricsUnavailable(
        cluster.ns("forbidden"),
        "Prometheus answered HTTP 403 (forbidden): Bearer *** may not read");
    scenarios.awaitMetricsUnavailable(
        cluster.ns("page"), "unreadable response from Prometheus: not JSON: Welcome, Bearer ***");
    scenarios.awaitMetricsUnavailable(
        cluster.ns("wrong-key"),
        "Secret prom-token has no key token (it has tkn); add it, or set"
            + " spec.prometheus.auth.bearer.key to the key that holds the value");
    scenarios.awaitMetricsUnavailable(
        cluster.ns("basic-wrong"), "Prometheus answered HTTP 401: bad credentials Basic ***");
    // the servers really did echo the credentials back to the operator
    assertThat(echo401.rejections()).anyMatch(r -> r.contains("wrong-token-e83b4a90"));
    assertThat(echo403.rejections()).anyMatch(r -> r.contains("forbidden-token-47d19c2b"));
    assertThat(echoPage.rejections()).anyMatch(r -> r.contains("page-token-a2f6083d"));
    assertThat(basicGate.rejections())
        .anyMatch(r -> r.contains(CredentialScenarios.basicPair("wrong-password-d71e")));

    assertNoCredentialIn(outputs());
  }

  /** What the operator wrote, serialized as JSON (YAML would fold long lines). */
  private static Map<String, String> outputs() {
    LoggerFactory.getLogger(CredentialSecrecyIT.class).warn("log capture canary (slf4j)");
    java.util.logging.Logger.getLogger("canary").warning("log capture canary (jul)");
    var json = client.getKubernetesSerialization();
    StringBuilder scaledApis = new StringBuilder();
    StringBuilder events = new StringBuilder();
    for (String ns : cluster.watched()) {
      scaledApis.append(json.asJson(client.resources(ScaledApi.class).inNamespace(ns).list()));
      events.append(json.asJson(client.v1().events().inNamespace(ns).list()));
    }
    return Map.of(
        "status of every ScaledApi",
        scaledApis.toString(),
        "every event",
        events.toString(),
        "the log",
        logs.text(),
        "the metrics scrape",
        registry.scrape());
  }

  private static void assertNoCredentialIn(Map<String, String> outputs) {
    Set<String> credentials = scenarios.credentials();
    System.out.printf(
        "[secrecy] searched %d credential forms in %s%n",
        credentials.size(),
        outputs.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue().length() + " chars)")
            .collect(Collectors.joining(", ")));
    SoftAssertions softly = new SoftAssertions();
    // each output was captured, with the redacted echoes in it where they belong
    softly.assertThat(outputs.get("the log")).contains("log capture canary (slf4j)");
    softly.assertThat(outputs.get("the log")).contains("log capture canary (jul)");
    // the operator logs its Warning events, so the echoed errors passed through the log too
    softly.assertThat(outputs.get("the log")).contains("MetricsUnavailable: ").contains("***");
    softly.assertThat(outputs.get("every event")).contains("unauthorized: got Bearer ***");
    softly.assertThat(outputs.get("status of every ScaledApi")).contains("Basic ***");
    softly.assertThat(outputs.get("the metrics scrape")).contains("scaledapi_decisions_total");
    outputs.forEach(
        (where, text) ->
            credentials.forEach(
                secret -> softly.assertThat(text).as(where).doesNotContain(secret)));
    softly.assertAll();
  }
}
