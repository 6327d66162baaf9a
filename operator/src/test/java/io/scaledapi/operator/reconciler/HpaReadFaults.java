package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Operator clients whose reads of HorizontalPodAutoscalers in one namespace fail on the real API
 * server: refused by RBAC (the client's user may do everything the operator does there but read
 * HPAs, until {@link #allow}), or sent to another server, which answers as a failing API server
 * would. {@code admin} is a client that may create Roles and impersonate users.
 */
final class HpaReadFaults {
  static final String USER = "operator-without-hpas";

  private HpaReadFaults() {}

  /** A client acting as {@link #USER}, whose HPA reads in {@code ns} the API server refuses. */
  static KubernetesClient refused(KubernetesClient admin, String ns) {
    grant(
        admin,
        ns,
        "workloads",
        List.of(
            rule("autoscaling.scaledapi.io", "scaledapis", "scaledapis/status"),
            rule("apps", "deployments", "deployments/scale", "statefulsets", "statefulsets/scale"),
            rule("", "events"),
            rule("events.k8s.io", "events")));
    Config config = new ConfigBuilder(admin.getConfiguration()).build();
    config.setImpersonateUsername(USER);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Lets {@link #USER} read HPAs in {@code ns}. */
  static void allow(KubernetesClient admin, String ns) {
    grant(admin, ns, "hpas", List.of(rule("autoscaling", "horizontalpodautoscalers")));
  }

  /**
   * A client like {@code admin} whose HPA reads in {@code ns} go to {@code to} while {@code on}.
   */
  static KubernetesClient sentTo(KubernetesClient admin, String ns, URI to, BooleanSupplier on) {
    String path = "/namespaces/" + ns + "/horizontalpodautoscalers";
    Interceptor redirect =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (on.getAsBoolean() && request.uri().getPath().contains(path)) {
              builder.uri(to.resolve(request.uri().getRawPath()));
            }
          }
        };
    return new KubernetesClientBuilder()
        .withConfig(admin.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("hpa-reads", redirect))
        .build();
  }

  private static PolicyRule rule(String group, String... resources) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resources)
        .withVerbs("get", "list", "watch", "create", "update", "patch")
        .build();
  }

  /** A Role with {@code rules} in the namespace, bound to {@link #USER}. */
  private static void grant(
      KubernetesClient admin, String ns, String name, List<PolicyRule> rules) {
    admin
        .rbac()
        .roles()
        .inNamespace(ns)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withRules(rules)
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(USER)
                .endSubject()
                .build())
        .create();
  }
}
