package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.testing.FakeHttpServer;
import io.scaledapi.operator.testing.FaultProxy;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a tenant cannot make the operator do: send requests, and with them credentials, to an
 * address the cluster admin did not allow, or use a Secret that did not opt in. The operator's
 * default Prometheus and one allowed address are {@link FaultProxy}s in front of a real Prometheus
 * that record the {@code Authorization} headers they receive; the address no admin allowed is a
 * second local HTTP server that counts requests and answers with a page an attacker would like to
 * read.
 */
class TenantBoundariesIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final String LABEL = "scaledapi.io/prometheus-credentials";
  static final String TOKEN = "tenant-token-5b1e0c97";
  static final String CANARY = "internal-admin-page-4d7a19e2";
  static final Duration POLL = Duration.ofSeconds(1);

  static KubernetesClient client;
  static RealCluster cluster;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  /** The operator's default Prometheus, letting only {@link #TOKEN} through. */
  static FaultProxy defaultPrometheus;

  /** An address the cluster admin allowed. */
  static FaultProxy allowedPrometheus;

  /** An address nobody allowed: an internal service answering with {@link #CANARY}. */
  static FakeHttpServer internal;

  static ScaledApiOperator operator;

  @BeforeAll
  static void startEverything() {
    cluster = RealCluster.create("prober", "allowed", "unlabelled");
    client = cluster.client();
    exporter = TestExporter.start();
    prometheus = SharedPrometheus.scraping(exporter);
    defaultPrometheus =
        FaultProxy.start(prometheus.baseUri())
            .requireAuthorization("Bearer " + TOKEN, 401, "text/plain", "unauthorized");
    allowedPrometheus = FaultProxy.start(prometheus.baseUri());
    internal = FakeHttpServer.http().respond(500, "text/plain", "error: " + CANARY);
    operator =
        cluster.startOperator(
            defaultPrometheus.baseUri(), Clock.systemUTC(), List.of(allowedPrometheus.baseUri()));
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable part :
        new AutoCloseable[] {operator, internal, allowedPrometheus, defaultPrometheus, exporter}) {
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
  }

  @Test
  void anAddressNoAdminAllowedIsNeverContactedAndNothingOfItsAnswerReachesStatus() {
    String ns = cluster.ns("prober");
    secret(ns, true);
    String address = internal.baseUri().toString();
    scaledApi(ns, new PrometheusSpec(address, bearer(), null, "2s"));

    String message =
        "spec.prometheus.address: "
            + address
            + " is not an allowed Prometheus address (allowed: "
            + defaultPrometheus.baseUri()
            + ", "
            + allowedPrometheus.baseUri()
            + "); ask the cluster admin to add it to prometheus.allowedAddresses, or leave it"
            + " out to use the default";
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(describe(Cluster.condition(s, Conditions.READY)))
              .isEqualTo("False InvalidSpec: " + message);
        });
    // several polls later: still not one request, and one Warning for the one problem
    await("no request to " + address + " and one Warning over several polls")
        .during(POLL.multipliedBy(4))
        .atMost(POLL.multipliedBy(8))
        .until(
            () -> internal.requests().isEmpty() && cluster.events(ns, "InvalidSpec").size() == 1);
    assertThat(cluster.events(ns, "InvalidSpec"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage()).isEqualTo(message);
            });
    assertThat(internal.requests()).as("requests that reached %s", address).isEmpty();
    assertThat(cluster.log().calls())
        .as("the Secret of a ScaledApi whose address is refused is not even read")
        .noneMatch(c -> c.resource().equals("secrets") && ns.equals(c.namespace()));
    var json = client.getKubernetesSerialization();
    String written =
        json.asJson(client.resources(ScaledApi.class).inNamespace(ns).list())
            + json.asJson(client.v1().events().inNamespace(ns).list());
    assertThat(written).doesNotContain(CANARY).doesNotContain(TOKEN);
    assertThat(cluster.replicas(ns, "api")).isEqualTo(1);
  }

  /** The control: an allowed address, spelt with a trailing slash, gets the queries and token. */
  @Test
  void anAddressTheAdminAllowedIsUsedWithItsCredentials() {
    String ns = cluster.ns("allowed");
    secret(ns, true);
    scaledApi(ns, new PrometheusSpec(allowedPrometheus.baseUri() + "/", bearer(), null, "2s"));

    await("scaled on the queue read from the allowed address")
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.replicas(ns, "api") == 10);
    assertThat(allowedPrometheus.authorizations()).isNotEmpty().containsOnly("Bearer " + TOKEN);
  }

  @Test
  void aSecretWithoutTheOptInLabelIsNotUsedAndItsValueNeverSent() {
    String ns = cluster.ns("unlabelled");
    secret(ns, false);
    scaledApi(ns, new PrometheusSpec(null, bearer(), null, "2s"));

    String refusal =
        "Secret prom-token named in spec.prometheus.auth.bearer lacks the label "
            + LABEL
            + "=true that lets the operator use it; add it: kubectl label -n "
            + ns
            + " secret prom-token "
            + LABEL
            + "=true";
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(describe(Cluster.condition(s, Conditions.READY)))
              .isEqualTo(
                  "False MetricsUnavailable: metrics unavailable (queue: "
                      + refusal
                      + "); holding 1 replica");
        });
    assertThat(cluster.events(ns, "MetricsUnavailable"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains(refusal));
    assertThat(defaultPrometheus.authorizations())
        .as("Authorization headers sent while the Secret had no label")
        .noneMatch(a -> a.contains(TOKEN));

    // the owner opts the Secret in: the operator uses it at the next poll
    client
        .secrets()
        .inNamespace(ns)
        .withName("prom-token")
        .edit(
            s ->
                new SecretBuilder(s)
                    .editMetadata()
                    .addToLabels(LABEL, "true")
                    .endMetadata()
                    .build());
    await("scaled with the token of the labelled Secret")
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.replicas(ns, "api") == 10);
    assertThat(defaultPrometheus.authorizations()).containsOnly("Bearer " + TOKEN);
  }

  static String describe(Condition condition) {
    return condition.getStatus() + " " + condition.getReason() + ": " + condition.getMessage();
  }

  static PrometheusAuthSpec bearer() {
    return new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null);
  }

  /** Secret prom-token holding {@link #TOKEN}, with or without the opt-in label. */
  static void secret(String ns, boolean optedIn) {
    cluster.ensureNamespace(ns);
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prom-token")
                .withNamespace(ns)
                .withLabels(optedIn ? Map.of(LABEL, "true") : Map.of())
                .endMetadata()
                .withStringData(Map.of("token", TOKEN))
                .build())
        .create();
  }

  /** One replica of Deployment api, a queue of 95 (10 replicas when read). */
  static void scaledApi(String ns, PrometheusSpec prometheus) {
    exporter.set(GAUGE, Map.of("app", ns), 95);
    cluster.createDeployment(ns, "api", 1);
    cluster.createScaledApi(
        ns,
        new ScaledApiSpec(
            new ScaleTargetRef("apps/v1", "Deployment", "api"),
            1,
            20,
            "1s",
            prometheus,
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
}
