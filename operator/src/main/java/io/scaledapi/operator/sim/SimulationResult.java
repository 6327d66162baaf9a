package io.scaledapi.operator.sim;

import java.util.List;

/** A workload run under each policy, in the order the policies were given. */
public record SimulationResult(Workload workload, ClusterSpec cluster, List<PolicyResult> results) {

  /** The result of the named policy. */
  public PolicyResult of(String policy) {
    return results.stream()
        .filter(r -> r.policy().equals(policy))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no policy named " + policy));
  }
}
