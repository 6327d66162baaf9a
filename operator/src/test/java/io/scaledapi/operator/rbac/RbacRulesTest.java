package io.scaledapi.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RbacRulesTest {
  static final String SA = "op";
  static final String NS = "ops";

  static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(groups)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  static HasMetadata clusterRole(String name, PolicyRule... rules) {
    return new ClusterRoleBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withRules(rules)
        .build();
  }

  static HasMetadata clusterBinding(String role, String subject) {
    return new ClusterRoleBindingBuilder()
        .withNewMetadata()
        .withName(role)
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(subject)
        .withNamespace(NS)
        .endSubject()
        .build();
  }

  static HasMetadata role(String ns, PolicyRule... rules) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName("r")
        .withNamespace(ns)
        .endMetadata()
        .withRules(rules)
        .build();
  }

  static HasMetadata roleBinding(String ns, String kind, String role) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName("rb")
        .withNamespace(ns)
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", kind, role)
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(SA)
        .withNamespace(NS)
        .endSubject()
        .build();
  }

  static final RbacRules CLUSTER =
      RbacRules.boundTo(
          List.of(
              clusterRole(
                  "main",
                  rule(List.of("apps"), List.of("deployments/scale"), List.of("get", "update")),
                  rule(List.of("x.io"), List.of("*/status"), List.of("patch")),
                  rule(List.of(""), List.of("events"), List.of("create"))),
              clusterBinding("main", SA),
              clusterRole("other", rule(List.of("*"), List.of("*"), List.of("*"))),
              clusterBinding("other", "someone-else"),
              role(
                  NS,
                  new PolicyRuleBuilder()
                      .withApiGroups("coordination.k8s.io")
                      .withResources("leases")
                      .withVerbs("get", "update")
                      .withResourceNames("op-lease")
                      .build()),
              roleBinding(NS, "Role", "r")),
          SA,
          NS);

  static ApiCall call(String verb, String group, String resource, String ns, String name) {
    String[] parts = resource.split("/", 2);
    return ApiCall.resource(verb, group, parts[0], parts.length > 1 ? parts[1] : "", ns)
        .withName(name);
  }

  @ParameterizedTest
  @CsvSource({
    "get,apps,deployments/scale,a,api,true",
    "update,apps,deployments/scale,a,api,true",
    "patch,apps,deployments/scale,a,api,false",
    "get,apps,deployments,a,api,false",
    "get,extensions,deployments/scale,a,api,false",
    "patch,x.io,things/status,a,t,true",
    "patch,x.io,things,a,t,false",
    "create,'',events,a,'',true",
    "get,coordination.k8s.io,leases,ops,op-lease,true",
    "get,coordination.k8s.io,leases,ops,another,false",
    "get,coordination.k8s.io,leases,a,op-lease,false",
    "create,coordination.k8s.io,leases,ops,'',false",
    "get,'',secrets,a,s,false",
  })
  void allowsWhatTheAuthorizerWould(
      String verb, String group, String resource, String ns, String name, boolean allowed) {
    assertThat(CLUSTER.allows(call(verb, group, resource, ns, name)))
        .as("%s %s %s %s in %s", verb, group, resource, name, ns)
        .isEqualTo(allowed);
  }

  @Test
  void discoveryNeedsNoGrant() {
    assertThat(CLUSTER.allows(ApiCall.nonResource("get", "/apis/apps/v1"))).isTrue();
    assertThat(CLUSTER.allows(ApiCall.nonResource("get", "/metrics"))).isFalse();
  }

  @Test
  void unusedListsEveryPermissionNoCallNeeds() {
    List<ApiCall> calls =
        List.of(
            call("get", "apps", "deployments/scale", "a", "api"),
            call("patch", "x.io", "things/status", "a", "t"),
            call("get", "coordination.k8s.io", "leases", NS, "op-lease"));
    assertThat(CLUSTER.unused(calls))
        .containsExactly(
            "main (cluster-wide): update apps deployments/scale",
            "main (cluster-wide): patch x.io */status is a wildcard",
            "main (cluster-wide): create \"\" events",
            "rb (in ops): update coordination.k8s.io leases named op-lease");
  }

  @Test
  void aRoleBindingGrantsInItsNamespaceOnly() {
    RbacRules rules =
        RbacRules.boundTo(
            List.of(
                clusterRole("watch", rule(List.of("x.io"), List.of("things"), List.of("watch"))),
                roleBinding("a", "ClusterRole", "watch")),
            SA,
            NS);
    assertThat(rules.allows(call("watch", "x.io", "things", "a", ""))).isTrue();
    assertThat(rules.allows(call("watch", "x.io", "things", "b", ""))).isFalse();
    assertThat(rules.allows(call("watch", "x.io", "things", "", ""))).isFalse();
  }

  @Test
  void aBindingToARoleThatIsNotRenderedIsAnError() {
    assertThatThrownBy(() -> RbacRules.boundTo(List.of(roleBinding(NS, "Role", "missing")), SA, NS))
        .hasMessageContaining("Role missing");
  }
}
