package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RBAC rules a set of manifests grants one ServiceAccount, and the questions the proof asks of
 * them: is a call allowed, and which granted permission does no call use. Matching follows the API
 * server's authorizer: {@code *} wildcards, {@code resource/subresource} names and subresource
 * wildcards, resourceNames, and rules of a RoleBinding applying in its namespace only.
 */
public final class RbacRules {
  /**
   * Non-resource URLs every authenticated user may get through the built-in {@code
   * system:discovery} ClusterRole; calls to them need no grant from the chart.
   */
  static final List<String> DISCOVERY =
      List.of("/api", "/api/*", "/apis", "/apis/*", "/version", "/version/", "/openapi/*");

  /** A rule and where it applies: {@code namespace}, or everywhere when that is empty. */
  public record Grant(String namespace, String from, PolicyRule rule) {
    @Override
    public String toString() {
      return from
          + (namespace.isEmpty() ? " (cluster-wide)" : " (in " + namespace + ")")
          + ": "
          + Permissions.describe(rule);
    }
  }

  /**
   * What every authenticated user may create through the built-in {@code system:basic-user}
   * ClusterRole: reviews of its own access.
   */
  static final List<String> SELF_REVIEWS =
      List.of(
          "authorization.k8s.io/selfsubjectaccessreviews",
          "authorization.k8s.io/selfsubjectrulesreviews",
          "authentication.k8s.io/selfsubjectreviews");

  private final List<Grant> grants;

  public RbacRules(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /**
   * The rules bound to ServiceAccount {@code serviceAccount} of {@code releaseNamespace}, the
   * namespace also taken by objects that name none.
   */
  public static RbacRules boundTo(
      List<HasMetadata> objects, String serviceAccount, String releaseNamespace) {
    List<Grant> grants = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding b
          && boundHere(b.getSubjects(), serviceAccount, releaseNamespace, releaseNamespace)) {
        rules(objects, b.getRoleRef(), releaseNamespace)
            .forEach(r -> grants.add(new Grant("", name(b), r)));
      }
      if (o instanceof RoleBinding b) {
        String ns = namespace(b, releaseNamespace);
        if (boundHere(b.getSubjects(), serviceAccount, releaseNamespace, ns)) {
          rules(objects, b.getRoleRef(), ns).forEach(r -> grants.add(new Grant(ns, name(b), r)));
        }
      }
    }
    return new RbacRules(grants);
  }

  public List<Grant> grants() {
    return grants;
  }

  /**
   * The resource rules that apply in {@code namespace}, as a SelfSubjectRulesReview reports them:
   * the cluster-wide ones and those bound there.
   */
  public List<ResourceRule> resourceRulesIn(String namespace) {
    return grants.stream()
        .filter(g -> g.namespace().isEmpty() || g.namespace().equals(namespace))
        .map(Grant::rule)
        .filter(r -> r.getResources() != null && !r.getResources().isEmpty())
        .map(
            r ->
                new ResourceRule(
                    r.getApiGroups(), r.getResourceNames(), r.getResources(), r.getVerbs()))
        .toList();
  }

  public boolean allows(ApiCall call) {
    if (call.verb().equals("create")
        && SELF_REVIEWS.contains(call.group() + "/" + call.resource())) {
      return true;
    }
    if (!call.isResource() && DISCOVERY.stream().anyMatch(u -> Permissions.urlMatches(u, call))) {
      return true;
    }
    return grants.stream().anyMatch(g -> Permissions.allows(g, call));
  }

  /** Each granted permission no call uses, and each wildcard, which no list of calls can use. */
  public List<String> unused(Collection<ApiCall> calls) {
    List<String> unused = new ArrayList<>();
    for (Grant g : grants) {
      for (PolicyRule single : Permissions.split(g.rule())) {
        Grant one = new Grant(g.namespace(), g.from(), single);
        if (Permissions.hasWildcard(single)) {
          unused.add(one + " is a wildcard");
        } else if (calls.stream().noneMatch(c -> Permissions.allows(one, c))) {
          unused.add(one.toString());
        }
      }
    }
    return unused;
  }

  private static boolean boundHere(
      List<Subject> subjects, String serviceAccount, String saNamespace, String bindingNamespace) {
    return subjects != null
        && subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && serviceAccount.equals(s.getName())
                        && saNamespace.equals(
                            Optional.ofNullable(s.getNamespace()).orElse(bindingNamespace)));
  }

  private static List<PolicyRule> rules(List<HasMetadata> objects, RoleRef ref, String namespace) {
    for (HasMetadata o : objects) {
      if (!ref.getName().equals(name(o))) {
        continue;
      }
      if (o instanceof ClusterRole r && "ClusterRole".equals(ref.getKind())) {
        return Objects.requireNonNullElse(r.getRules(), List.of());
      }
      if (o instanceof Role r
          && "Role".equals(ref.getKind())
          && namespace.equals(namespace(r, namespace))) {
        return Objects.requireNonNullElse(r.getRules(), List.of());
      }
    }
    throw new IllegalArgumentException(
        "binding refers to " + ref.getKind() + " " + ref.getName() + ", which is not rendered");
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }

  private static String namespace(HasMetadata o, String fallback) {
    return Optional.ofNullable(o.getMetadata().getNamespace()).orElse(fallback);
  }
}
