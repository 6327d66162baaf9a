package io.scaledapi.operator.helm;

import static io.scaledapi.operator.helm.ChartRenderer.NAMESPACE;
import static io.scaledapi.operator.helm.ChartRenderer.render;
import static io.scaledapi.operator.helm.ChartRenderer.renderYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The optional NetworkPolicy: the operator pod may reach DNS, the API server and the Prometheus
 * servers the values name, and be reached on its metrics port only. NetworkPolicy matches pods and
 * IP blocks, not URLs, so the values say where each Prometheus runs.
 */
class ChartNetworkPolicyTest {
  static final Map<String, String> ENABLED =
      Map.of(
          "networkPolicy.enabled", "true",
          "networkPolicy.apiServer.cidrs[0]", "172.18.0.2/32",
          "networkPolicy.prometheus[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name",
              "monitoring",
          "networkPolicy.prometheus[0].podSelector.matchLabels.app\\.kubernetes\\.io/name",
              "prometheus",
          "networkPolicy.prometheus[0].ports[0]", "9090",
          "networkPolicy.prometheus[1].cidrs[0]", "203.0.113.0/24",
          "networkPolicy.prometheus[1].ports[0]", "443");

  @Test
  void offByDefault() {
    assertThat(render(Map.of())).noneMatch(NetworkPolicy.class::isInstance);
  }

  @Test
  void egressGoesToDnsTheApiServerAndTheListedPrometheusOnly() {
    var objects = render(ENABLED);
    NetworkPolicy policy = ChartTemplateTest.one(objects, NetworkPolicy.class);

    assertThat(policy.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(
            ChartTemplateTest.one(objects, Deployment.class)
                .getSpec()
                .getSelector()
                .getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress())
        .extracting(ChartNetworkPolicyTest::describe)
        .containsExactly(
            "to {kubernetes.io/metadata.name=kube-system}/{k8s-app=kube-dns} on UDP/53,TCP/53",
            "to 172.18.0.2/32 on TCP/443,TCP/6443",
            "to {kubernetes.io/metadata.name=monitoring}/{app.kubernetes.io/name=prometheus} on"
                + " TCP/9090",
            "to 203.0.113.0/24 on TCP/443");
  }

  @Test
  void ingressReachesTheMetricsPortOnlyFromTheListedPeers() {
    NetworkPolicy open = ChartTemplateTest.one(render(ENABLED), NetworkPolicy.class);
    assertThat(open.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom()).isEmpty();
              assertThat(rule.getPorts())
                  .extracting(ChartNetworkPolicyTest::port)
                  .containsExactly("TCP/8080");
            });

    Map<String, String> values = new HashMap<>(ENABLED);
    values.put("metrics.port", "9100");
    values.put(
        "networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name",
        "monitoring");
    NetworkPolicy limited = ChartTemplateTest.one(render(values), NetworkPolicy.class);
    assertThat(limited.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom())
                  .extracting(ChartNetworkPolicyTest::peer)
                  .containsExactly("{kubernetes.io/metadata.name=monitoring}/any");
              assertThat(rule.getPorts())
                  .extracting(ChartNetworkPolicyTest::port)
                  .containsExactly("TCP/9100");
            });
  }

  /** The chart README's example, as written there. */
  @Test
  void theReadmeExampleRenders() {
    NetworkPolicy policy =
        ChartTemplateTest.one(
            render(
                Map.of(
                    "networkPolicy.enabled",
                    "true",
                    "networkPolicy.apiServer.cidrs[0]",
                    "172.18.0.2/32",
                    "networkPolicy.prometheus[0].namespaceSelector.matchLabels"
                        + ".kubernetes\\.io/metadata\\.name",
                    "monitoring",
                    "networkPolicy.prometheus[0].podSelector.matchLabels.app\\.kubernetes\\.io/name",
                    "prometheus",
                    "networkPolicy.prometheus[0].ports[0]",
                    "9090")),
            NetworkPolicy.class);
    assertThat(policy.getSpec().getEgress())
        .extracting(ChartNetworkPolicyTest::describe)
        .contains(
            "to 172.18.0.2/32 on TCP/443,TCP/6443",
            "to {kubernetes.io/metadata.name=monitoring}/{app.kubernetes.io/name=prometheus} on"
                + " TCP/9090");
  }

  @Test
  void withoutTheApiServerOrAPrometheusRenderingFailsSayingWhatToSet() {
    Map<String, String> noApiServer = new HashMap<>(ENABLED);
    noApiServer.remove("networkPolicy.apiServer.cidrs[0]");
    assertThatThrownBy(() -> renderYaml(noApiServer))
        .hasMessageContaining(
            "networkPolicy.enabled needs networkPolicy.apiServer.cidrs, the addresses of the API"
                + " server: kubectl get endpointslices -n default -l"
                + " kubernetes.io/service-name=kubernetes");
    assertThatThrownBy(
            () ->
                renderYaml(
                    Map.of(
                        "networkPolicy.enabled", "true",
                        "networkPolicy.apiServer.cidrs[0]", "172.18.0.2/32")))
        .hasMessageContaining(
            "networkPolicy.enabled needs networkPolicy.prometheus: where the Prometheus of"
                + " prometheus.address and prometheus.allowedAddresses runs");
  }

  static String describe(NetworkPolicyEgressRule rule) {
    return "to "
        + rule.getTo().stream().map(ChartNetworkPolicyTest::peer).collect(Collectors.joining(","))
        + " on "
        + rule.getPorts().stream()
            .map(ChartNetworkPolicyTest::port)
            .collect(Collectors.joining(","));
  }

  static String peer(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      return peer.getIpBlock().getCidr();
    }
    return (peer.getNamespaceSelector() == null
            ? "own namespace"
            : String.valueOf(peer.getNamespaceSelector().getMatchLabels()))
        + "/"
        + (peer.getPodSelector() == null
            ? "any"
            : String.valueOf(peer.getPodSelector().getMatchLabels()));
  }

  static String port(NetworkPolicyPort port) {
    return port.getProtocol() + "/" + port.getPort().getIntVal();
  }
}
