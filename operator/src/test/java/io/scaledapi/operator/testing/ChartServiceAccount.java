package io.scaledapi.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The ServiceAccount of a rendered chart and the RBAC objects that grant it its rights, applied to
 * a real API server by its {@code system:masters} client; and clients that act as that
 * ServiceAccount (by impersonation, which the API server authorizes exactly as a pod's token). The
 * namespaces the objects name are created when missing. Close deletes what is cluster-scoped.
 */
public final class ChartServiceAccount implements AutoCloseable {
  private final KubernetesClient admin;
  private final ServiceAccount account;
  private final List<HasMetadata> rbac;

  private ChartServiceAccount(
      KubernetesClient admin, ServiceAccount account, List<HasMetadata> rbac) {
    this.admin = admin;
    this.account = account;
    this.rbac = rbac;
  }

  /** Applies the ServiceAccount, ClusterRoles, Roles and their bindings among {@code rendered}. */
  public static ChartServiceAccount apply(KubernetesClient admin, List<HasMetadata> rendered) {
    List<ServiceAccount> accounts =
        rendered.stream()
            .filter(ServiceAccount.class::isInstance)
            .map(ServiceAccount.class::cast)
            .toList();
    if (accounts.size() != 1) {
      throw new IllegalArgumentException("the chart renders " + accounts.size() + " accounts");
    }
    List<HasMetadata> rbac =
        rendered.stream()
            .filter(
                o ->
                    o instanceof ClusterRole
                        || o instanceof ClusterRoleBinding
                        || o instanceof Role
                        || o instanceof RoleBinding)
            .toList();
    Stream.concat(accounts.stream(), rbac.stream())
        .map(o -> o.getMetadata().getNamespace())
        .filter(Objects::nonNull)
        .distinct()
        .forEach(ns -> ensureNamespace(admin, ns));
    Stream.concat(accounts.stream(), rbac.stream())
        .forEach(o -> admin.resource(o).forceConflicts().serverSideApply());
    return new ChartServiceAccount(admin, accounts.get(0), rbac);
  }

  public String namespace() {
    return account.getMetadata().getNamespace();
  }

  /** {@code system:serviceaccount:<namespace>:<name>}, as the API server names it. */
  public String username() {
    return "system:serviceaccount:" + namespace() + ":" + account.getMetadata().getName();
  }

  /** A configuration for the admin's server that acts as the ServiceAccount, with its groups. */
  public Config config() {
    return new ConfigBuilder(admin.getConfiguration())
        .withImpersonateUsername(username())
        .withImpersonateGroups(
            "system:serviceaccounts",
            "system:serviceaccounts:" + namespace(),
            "system:authenticated")
        .build();
  }

  /** A new client acting as the ServiceAccount; the caller closes it. */
  public KubernetesClient client() {
    return new KubernetesClientBuilder().withConfig(config()).build();
  }

  /**
   * A kubeconfig for the admin's server that authenticates as the ServiceAccount with a token the
   * server issues for it (a TokenRequest), as a pod's projected token does.
   */
  public String kubeConfigYaml(Duration validFor) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(validFor.toSeconds())
            .endSpec()
            .build();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(namespace())
            .withName(account.getMetadata().getName())
            .tokenRequest(request)
            .getStatus()
            .getToken();
    Config server = admin.getConfiguration();
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: server",
        "  cluster:",
        "    server: " + server.getMasterUrl(),
        server.getCaCertData() != null
            ? "    certificate-authority-data: " + server.getCaCertData()
            : "    certificate-authority: " + server.getCaCertFile(),
        "users:",
        "- name: account",
        "  user:",
        "    token: " + token,
        "contexts:",
        "- name: account",
        "  context:",
        "    cluster: server",
        "    user: account",
        "    namespace: " + namespace(),
        "current-context: account",
        "");
  }

  /** The applied Roles and ClusterRoles, as rendered. */
  public List<HasMetadata> roles() {
    return rbac.stream().filter(o -> o instanceof Role || o instanceof ClusterRole).toList();
  }

  /** Replaces the rules of {@code role}, one of {@link #roles()}, on the server. */
  public void setRules(HasMetadata role, List<PolicyRule> rules) {
    HasMetadata edited =
        role instanceof Role r
            ? new RoleBuilder(r).withRules(rules).build()
            : new ClusterRoleBuilder((ClusterRole) role).withRules(rules).build();
    admin.resource(edited).forceConflicts().serverSideApply();
  }

  /**
   * Whether the API server lets the ServiceAccount do {@code verb} on {@code resource} (a plural,
   * or {@code plural/subresource}) of {@code group} in {@code namespace}: its own access review.
   */
  public boolean can(String verb, String group, String resource, String namespace) {
    String[] parts = resource.split("/", 2);
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(group)
            .withResource(parts[0])
            .withSubresource(parts.length > 1 ? parts[1] : null)
            .withNamespace(namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    try (KubernetesClient client = client()) {
      return client
          .authorization()
          .v1()
          .selfSubjectAccessReview()
          .create(review)
          .getStatus()
          .getAllowed();
    }
  }

  /** Deletes the ClusterRoles and ClusterRoleBindings; namespaced objects stay with their tests. */
  @Override
  public void close() {
    rbac.stream()
        .filter(o -> o instanceof ClusterRole || o instanceof ClusterRoleBinding)
        .forEach(o -> admin.resource(o).delete());
  }

  private static void ensureNamespace(KubernetesClient admin, String name) {
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
