package io.scaledapi.operator.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json makes Helm refuse a wrong type, an unknown key or an unknown level. */
class ChartSchemaTest {

  @ParameterizedTest(name = "{0}={1} is rejected at {2}")
  @CsvSource({
    "replicaCount, two, /replicaCount",
    "replicaCount, -1, /replicaCount",
    "replicaCont, 1, replicaCont",
    "image.tagg, 0.1.0, tagg",
    "logLevel, verbose, /logLevel",
    "metrics.port, 0, /metrics/port",
    "metrics.serviceMonitor.interval, soon, /metrics/serviceMonitor/interval",
    "image.pullPolicy, Sometimes, /image/pullPolicy",
    "watchNamespaces[0], Not_A_Namespace, /watchNamespaces/0",
    "prometheus.address, prometheus:9090, /prometheus/address",
    "prometheus.isolateNamespaces, yes, /prometheus/isolateNamespaces",
    "prometheus.namespaceLabel, kubernetes-namespace, /prometheus/namespaceLabel",
    "rbac.create, maybe, /rbac/create",
    "prometheus.allowedAddresses[0], thanos-query:9090, /prometheus/allowedAddresses/0",
    "prometheus.allowedAddresses[0], http://thanos:9090/?tenant=a, /prometheus/allowedAddresses/0",
    "prometheus.allowedAddresses[0], http://thanos:9090/prom/../admin,"
        + " /prometheus/allowedAddresses/0",
    "prometheus.allowedAddress[0], http://thanos:9090, allowedAddress",
    "networkPolicy.enabled, yes, /networkPolicy/enabled",
    "networkPolicy.apiServer.cidrs[0], 10.0.0.1, /networkPolicy/apiServer/cidrs/0",
    "networkPolicy.apiServer.ports[0], 0, /networkPolicy/apiServer/ports/0",
    "networkPolicy.prometheus[0].ports[0], 70000, /networkPolicy/prometheus/0/ports/0",
    "networkPolicy.prometheus[0].ports[0], 9090, /networkPolicy/prometheus/0",
    "networkPolicy.prometheus[0].namespaceSelector.matchLabel.a, b, matchLabel",
    "networkPolicy.metricsFrom, anyone, /networkPolicy/metricsFrom",
  })
  void schemaRejects(String key, String value, String where) {
    assertThatThrownBy(() -> ChartRenderer.renderYaml(Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(where);
  }
}
