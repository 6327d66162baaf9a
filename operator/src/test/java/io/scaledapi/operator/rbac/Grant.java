package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One permission of an RBAC rule: one verb on one resource (or {@code resource/subresource}) of one
 * API group, the core group written as {@code ""}.
 */
public record Grant(String verb, String group, String resource) {

  /** The single permissions {@code rules} grant; rules naming objects or URLs are refused. */
  public static List<Grant> of(List<PolicyRule> rules) {
    List<Grant> grants = new ArrayList<>();
    for (PolicyRule rule : rules) {
      if (!list(rule.getResourceNames()).isEmpty() || !list(rule.getNonResourceURLs()).isEmpty()) {
        throw new IllegalArgumentException("a rule with resourceNames or nonResourceURLs: " + rule);
      }
      for (String group : list(rule.getApiGroups())) {
        for (String resource : list(rule.getResources())) {
          for (String verb : list(rule.getVerbs())) {
            grants.add(new Grant(verb, group, resource));
          }
        }
      }
    }
    return grants;
  }

  /** Rules granting everything {@code rules} grant but this permission, one rule per permission. */
  public List<PolicyRule> removedFrom(List<PolicyRule> rules) {
    return of(rules).stream().filter(g -> !g.equals(this)).map(Grant::rule).toList();
  }

  /** True when {@code call} in {@code namespace} needs this permission. */
  public boolean neededBy(ApiCall call, String namespace) {
    return call.verb().equals(verb)
        && call.group().equals(group)
        && call.resourcePath().equals(resource)
        && call.namespace().equals(namespace);
  }

  PolicyRule rule() {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verb)
        .build();
  }

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "\"\"" : group) + " " + resource;
  }

  private static List<String> list(List<String> values) {
    return Objects.requireNonNullElse(values, List.of());
  }
}
