package io.scaledapi.operator.engine;

/** The replica bounds. */
final class ReplicaClamp {

  private ReplicaClamp() {}

  /** Clamps {@code replicas} to {@code [spec.minReplicas, spec.maxReplicas]}. */
  static Limited clamp(int replicas, ScalingSpec spec) {
    if (replicas < spec.minReplicas()) {
      return new Limited(spec.minReplicas(), Limit.MIN_REPLICAS);
    }
    if (replicas > spec.maxReplicas()) {
      return new Limited(spec.maxReplicas(), Limit.MAX_REPLICAS);
    }
    return Limited.unlimited(replicas);
  }
}
