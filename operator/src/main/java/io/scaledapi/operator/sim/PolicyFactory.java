package io.scaledapi.operator.sim;

/**
 * Makes a fresh policy for one run. Policies keep state, and each run replays the whole workload,
 * so every run gets its own. The oracle reads the workload's future from here; other policies must
 * not.
 */
@FunctionalInterface
public interface PolicyFactory {
  Policy create(Workload workload, ClusterSpec cluster);
}
