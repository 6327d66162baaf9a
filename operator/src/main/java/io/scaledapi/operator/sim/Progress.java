package io.scaledapi.operator.sim;

/** Told how far a run is, for long runs; called at most a few hundred times per policy. */
@FunctionalInterface
public interface Progress {
  void at(String policy, long second, long seconds);

  static Progress none() {
    return (policy, second, seconds) -> {};
  }
}
