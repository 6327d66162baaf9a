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
  })
  void schemaRejects(String key, String value, String where) {
    assertThatThrownBy(() -> ChartRenderer.renderYaml(Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(where);
  }
}
