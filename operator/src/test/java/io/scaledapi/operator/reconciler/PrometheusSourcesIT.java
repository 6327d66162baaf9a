package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.BasicAuthSpec;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.PrometheusTlsSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.prometheus.PrometheusAuth;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection settings come from the ScaledApi's own namespace, with errors naming the field. */
class PrometheusSourcesIT {
  static RealCluster cluster;
  static KubernetesClient client;

  /** The operator's side: its calls are recorded, the test's own setup calls are not. */
  static KubernetesClient sourcesClient;

  @BeforeAll
  static void start() {
    cluster = RealCluster.create("mine", "other", "optout", "basic");
    client = cluster.client();
    sourcesClient = cluster.operatorClient();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static ScaledApi scaledApi(String ns, PrometheusSpec prometheus) {
    return TestScaledApis.scaledApi(ns, TestScaledApis.minimalSpec(prometheus));
  }

  static final String LABEL = "scaledapi.io/prometheus-credentials";

  /** A Secret that opts in to being used for Prometheus connections. */
  static void secret(String ns, String name, Map<String, String> data) {
    secret(ns, name, Map.of(LABEL, "true"), data);
  }

  static void secret(String ns, String name, Map<String, String> labels, Map<String, String> data) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .withLabels(labels)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  static PrometheusSpec bearer(String secret) {
    return new PrometheusSpec(
        "http://prometheus:9090",
        new PrometheusAuthSpec(new SecretKeyRef(secret, null), null),
        null,
        "3s");
  }

  @Test
  void defaultAddressAppliesWhenTheSpecNamesNone() {
    PrometheusSources sources =
        new PrometheusSources(sourcesClient, Optional.of(URI.create("http://default:9090")));
    PrometheusEndpoint endpoint = sources.endpoint(scaledApi("a", null));
    assertThat(endpoint.address()).isEqualTo(URI.create("http://default:9090"));
    assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(endpoint.auth()).isInstanceOf(PrometheusAuth.None.class);
  }

  @Test
  void noAddressAnywhereSaysWhereToSetOne() {
    PrometheusSources sources = new PrometheusSources(sourcesClient, Optional.empty());
    assertThatThrownBy(() -> sources.sourceFor(scaledApi("a", null)))
        .hasMessage(
            "no Prometheus address: set spec.prometheus.address, or start the operator with"
                + " --prometheus-address");
  }

  @Test
  void bearerTokenIsReadFromTheOwnNamespaceOnly() {
    String mine = cluster.ns("mine");
    String other = cluster.ns("other");
    secret(other, "prom-token", Map.of("token", "s3cret-other"));
    PrometheusSources sources = new PrometheusSources(sourcesClient, Optional.empty());
    assertThatThrownBy(() -> sources.sourceFor(scaledApi(mine, bearer("prom-token"))))
        .hasMessage(
            "Secret prom-token named in spec.prometheus.auth.bearer does not exist in namespace"
                + " "
                + mine
                + "; create it or fix spec.prometheus.auth.bearer.secretName")
        .hasMessageNotContaining("s3cret");

    secret(mine, "prom-token", Map.of("token", "s3cret-mine\n"));
    PrometheusEndpoint endpoint = sources.endpoint(scaledApi(mine, bearer("prom-token")));
    assertThat(endpoint.auth()).isEqualTo(new PrometheusAuth.Bearer("s3cret-mine"));
    assertThat(endpoint.toString()).doesNotContain("s3cret");
    assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aSecretOrConfigMapWithoutTheOptInLabelIsNotUsedAndItsValueNotRepeated() {
    String optout = cluster.ns("optout");
    secret(optout, "prom-token", Map.of(), Map.of("token", "s3cret-unlabelled"));
    secret(optout, "prom-basic", Map.of(LABEL, "false"), Map.of("password", "s3cret-false"));
    client
        .configMaps()
        .inNamespace(optout)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("prom-ca")
                .withNamespace(optout)
                .endMetadata()
                .withData(Map.of("ca.crt", "-----BEGIN CERTIFICATE-----"))
                .build())
        .create();
    PrometheusSources sources = new PrometheusSources(sourcesClient, Optional.empty());

    assertThatThrownBy(() -> sources.sourceFor(scaledApi(optout, bearer("prom-token"))))
        .hasMessage(
            "Secret prom-token named in spec.prometheus.auth.bearer lacks the label "
                + LABEL
                + "=true that lets the operator use it; add it: kubectl label -n "
                + optout
                + " secret prom-token "
                + LABEL
                + "=true")
        .hasMessageNotContaining("s3cret");
    PrometheusSpec basic =
        new PrometheusSpec(
            "http://prometheus:9090",
            new PrometheusAuthSpec(null, new BasicAuthSpec("prom-basic", null, null)),
            null,
            null);
    assertThatThrownBy(() -> sources.sourceFor(scaledApi(optout, basic)))
        .hasMessageStartingWith(
            "Secret prom-basic named in spec.prometheus.auth.basic lacks the label " + LABEL)
        .hasMessageNotContaining("s3cret");
    PrometheusSpec ca =
        new PrometheusSpec(
            "https://prometheus:9090",
            null,
            new PrometheusTlsSpec(new CaSource(null, "prom-ca", null)),
            null);
    assertThatThrownBy(() -> sources.sourceFor(scaledApi(optout, ca)))
        .hasMessage(
            "ConfigMap prom-ca named in spec.prometheus.tls.ca lacks the label "
                + LABEL
                + "=true that lets the operator use it; add it: kubectl label -n "
                + optout
                + " configmap prom-ca "
                + LABEL
                + "=true");
  }

  @Test
  void basicAuthWithAMissingKeyNamesTheKey() {
    String basic = cluster.ns("basic");
    secret(basic, "prom-basic", Map.of("username", "alice"));
    PrometheusSpec spec =
        new PrometheusSpec(
            "http://prometheus:9090",
            new PrometheusAuthSpec(null, new BasicAuthSpec("prom-basic", null, null)),
            null,
            null);
    PrometheusSources sources = new PrometheusSources(sourcesClient, Optional.empty());
    assertThatThrownBy(() -> sources.sourceFor(scaledApi(basic, spec)))
        .hasMessage(
            "Secret prom-basic has no key password (it has username); add it, or set"
                + " spec.prometheus.auth.basic.passwordKey to the key that holds the value");
  }
}
