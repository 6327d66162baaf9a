package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Matching one RBAC rule against one call, as the API server's RBAC authorizer does. */
final class Permissions {
  private Permissions() {}

  static boolean allows(RbacRules.Grant grant, ApiCall call) {
    PolicyRule rule = grant.rule();
    if (!call.isResource()) {
      return grant.namespace().isEmpty()
          && contains(rule.getVerbs(), call.verb())
          && list(rule.getNonResourceURLs()).stream().anyMatch(u -> urlMatches(u, call));
    }
    return (grant.namespace().isEmpty() || grant.namespace().equals(call.namespace()))
        && contains(rule.getVerbs(), call.verb())
        && contains(rule.getApiGroups(), call.group())
        && resourceMatches(list(rule.getResources()), call)
        && (list(rule.getResourceNames()).isEmpty()
            || list(rule.getResourceNames()).contains(call.name()));
  }

  static boolean urlMatches(String url, ApiCall call) {
    return url.equals("*")
        || url.equals(call.path())
        || (url.endsWith("*") && call.path().startsWith(url.substring(0, url.length() - 1)));
  }

  private static boolean resourceMatches(List<String> resources, ApiCall call) {
    return resources.stream()
        .anyMatch(
            r ->
                r.equals("*")
                    || r.equals(call.resourcePath())
                    || (!call.subresource().isEmpty() && r.equals("*/" + call.subresource())));
  }

  private static boolean contains(List<String> values, String value) {
    List<String> all = list(values);
    return all.contains("*") || all.contains(value);
  }

  static boolean hasWildcard(PolicyRule rule) {
    return list(rule.getVerbs()).contains("*")
        || list(rule.getApiGroups()).contains("*")
        || list(rule.getResources()).stream().anyMatch(r -> r.startsWith("*"))
        || list(rule.getNonResourceURLs()).stream().anyMatch(u -> u.endsWith("*"));
  }

  /** The rule as single permissions: one verb on one group's resource (or name, or URL) each. */
  static List<PolicyRule> split(PolicyRule rule) {
    List<PolicyRule> single = new ArrayList<>();
    for (String verb : list(rule.getVerbs())) {
      for (String url : list(rule.getNonResourceURLs())) {
        single.add(new PolicyRuleBuilder().withVerbs(verb).withNonResourceURLs(url).build());
      }
      for (String group : list(rule.getApiGroups())) {
        for (String resource : list(rule.getResources())) {
          List<String> names = list(rule.getResourceNames());
          if (names.isEmpty()) {
            single.add(one(group, resource, verb, null));
          }
          names.forEach(n -> single.add(one(group, resource, verb, n)));
        }
      }
    }
    return single;
  }

  /** A rule with one group, resource, verb and (when it has names) one resourceName. */
  static PolicyRule one(String group, String resource, String verb, String resourceName) {
    PolicyRuleBuilder b =
        new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verb);
    return resourceName == null ? b.build() : b.withResourceNames(resourceName).build();
  }

  static String describe(PolicyRule rule) {
    StringBuilder s = new StringBuilder();
    s.append(String.join(",", list(rule.getVerbs())));
    if (!list(rule.getNonResourceURLs()).isEmpty()) {
      return s.append(' ').append(String.join(",", rule.getNonResourceURLs())).toString();
    }
    s.append(' ')
        .append(
            String.join(
                ",",
                list(rule.getApiGroups()).stream().map(g -> g.isEmpty() ? "\"\"" : g).toList()))
        .append(' ')
        .append(String.join(",", list(rule.getResources())));
    if (!list(rule.getResourceNames()).isEmpty()) {
      s.append(" named ").append(String.join(",", rule.getResourceNames()));
    }
    return s.toString();
  }

  private static List<String> list(List<String> values) {
    return Objects.requireNonNullElse(values, List.of());
  }
}
