package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.BadInput.metricsUnavailable;
import static io.scaledapi.operator.reconciler.BadInput.notReady;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.reconciler.BadInput.Condition;
import io.scaledapi.operator.reconciler.BadInput.Setup;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mistakes the CRD schema cannot see, caught when the operator reconciles: each a change to a
 * ScaledApi that scales Deployment {@code api} on the queue gauge of a real Prometheus, with the
 * condition and the Warning event the user sees.
 */
final class BadInputConditionRows {
  private BadInputConditionRows() {}

  static final String GAUGE = "api_queue_requests_waiting";

  static Stream<BadInput> rows() {
    return Stream.of(
        new Condition(
            "prediction.history shorter than an hour",
            Setup.TARGET,
            o -> {
              Fields.set(o, "spec.arrivalRate.query", "sum(rate(api_requests_arrived_total[1m]))");
              Fields.set(o, "spec.prediction.history", "5m");
            },
            notReady("InvalidSpec", "spec.prediction.history must be between 1h and 90d; got 5m")),
        new Condition(
            "a PromQL syntax error",
            Setup.TARGET,
            o -> Fields.set(o, "spec.queue.query", "sum(" + GAUGE + "{app=\"x\"}"),
            notReady(
                "InvalidSpec",
                "spec.queue.query is not valid PromQL: 1:40: unclosed left parenthesis")),
        new Condition(
            "a query nested deeper than 100 levels",
            Setup.TARGET,
            o ->
                Fields.set(
                    o,
                    "spec.queue.query",
                    "(".repeat(2000) + "sum(" + GAUGE + ")" + ")".repeat(2000)),
            notReady(
                "InvalidSpec",
                "spec.queue.query is not valid PromQL: 1:101: nesting deeper than 100 levels;"
                    + " simplify the query")),
        new Condition(
            "a latency query that takes a rate of an instant vector",
            Setup.TARGET,
            o -> {
              Fields.set(o, "spec.latency.query", "rate(api_request_duration_seconds_sum)");
              Fields.set(o, "spec.latency.target", "250ms");
            },
            notReady(
                "InvalidSpec",
                "spec.latency.query is not valid PromQL: 1:1: expected type range vector in call"
                    + " to function \"rate\", got instant vector")),
        new Condition(
            "the queue query returns several series",
            Setup.TARGET.and(BadInputConditionRows::twoSeries),
            o -> Fields.set(o, "spec.queue.query", GAUGE + "{app=\"" + namespace(o) + "\"}"),
            metricsUnavailable(
                "metrics unavailable (queue: spec.queue.query returned 2 series, differing in"
                    + " {pod=\"a\"}, {pod=\"b\"}; it must return one: wrap it in sum(...), or"
                    + " narrow its label matchers to one series); holding 1 replica")),
        new Condition(
            "the bearer-token Secret is missing",
            Setup.TARGET,
            o -> Fields.set(o, "spec.prometheus.auth.bearer.secretName", "prom-token"),
            metricsUnavailable(
                "metrics unavailable (queue: Secret prom-token named in"
                    + " spec.prometheus.auth.bearer does not exist in namespace {ns}; create it or"
                    + " fix spec.prometheus.auth.bearer.secretName); holding 1 replica")),
        new Condition(
            "the bearer-token Secret is a TLS Secret without a token key",
            Setup.TARGET.and(BadInputConditionRows::tlsSecret),
            o -> Fields.set(o, "spec.prometheus.auth.bearer.secretName", "prom-token"),
            metricsUnavailable(
                "metrics unavailable (queue: Secret prom-token (type kubernetes.io/tls) has no key"
                    + " token (it has tls.crt, tls.key); add it, or set"
                    + " spec.prometheus.auth.bearer.key to the key that holds the value); holding"
                    + " 1 replica")),
        new Condition(
            "an unknown target kind",
            Setup.TARGET,
            o -> Fields.set(o, "spec.scaleTargetRef.kind", "Widget"),
            notReady(
                "UnknownTargetKind",
                "apps/v1 has no kind Widget (it has ControllerRevision, DaemonSet, Deployment,"
                    + " ReplicaSet, StatefulSet); fix spec.scaleTargetRef.kind, spelt as the API"
                    + " server spells it")),
        new Condition(
            "an apiVersion the API server does not serve",
            Setup.TARGET,
            o -> Fields.set(o, "spec.scaleTargetRef.apiVersion", "example.com/v1"),
            notReady(
                "UnknownTargetKind",
                "the API server does not serve example.com/v1; fix spec.scaleTargetRef.apiVersion"
                    + " (e.g. apps/v1), or install the CRD that serves it")),
        new Condition(
            "a target kind without /scale",
            Setup.TARGET,
            o -> {
              Fields.set(o, "spec.scaleTargetRef.apiVersion", "v1");
              Fields.set(o, "spec.scaleTargetRef.kind", "ConfigMap");
            },
            notReady(
                "TargetNotScalable",
                "v1 ConfigMap has no /scale subresource, so it cannot be scaled; set"
                    + " spec.scaleTargetRef to a Deployment, a StatefulSet or another kind with"
                    + " /scale")),
        new Condition(
            "a target that does not exist",
            (cluster, stack, ns) -> {},
            o -> Fields.set(o, "spec.scaleTargetRef.name", "checkout"),
            notReady(
                "TargetNotFound",
                "Deployment/checkout does not exist in namespace {ns}; create it or fix"
                    + " spec.scaleTargetRef.name")));
  }

  static String namespace(Map<String, Object> scaledApi) {
    return (String) Fields.get(scaledApi, "metadata.namespace");
  }

  /** Two series of the queue gauge in the namespace, and a Prometheus that has scraped both. */
  static void twoSeries(Cluster cluster, LiveStack stack, String ns) {
    stack.exporter().set(GAUGE, Map.of("app", ns, "pod", "a"), 3);
    stack.exporter().set(GAUGE, Map.of("app", ns, "pod", "b"), 4);
    PrometheusClient prometheus =
        new PrometheusClient(
            PrometheusEndpoint.of(stack.prometheus().baseUri(), Duration.ofSeconds(2)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                prometheus.query(GAUGE + "{app=\"" + ns + "\"}", Instant.now())
                    instanceof QueryResult.MultipleSeries);
  }

  /**
   * A kubernetes.io/tls Secret named prom-token, labelled for use with Prometheus: a certificate
   * and a key, no token.
   */
  static void tlsSecret(Cluster cluster, LiveStack stack, String ns) {
    Base64.Encoder b64 = Base64.getEncoder();
    cluster
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prom-token")
                .withNamespace(ns)
                .withLabels(Map.of(PrometheusSources.OPT_IN_LABEL, "true"))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", b64.encodeToString("certificate".getBytes()))
                .addToData("tls.key", b64.encodeToString("key".getBytes()))
                .build())
        .create();
  }
}
