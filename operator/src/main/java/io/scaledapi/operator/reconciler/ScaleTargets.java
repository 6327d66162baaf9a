package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaleTargetRef;

/** The scaled workload, reached through its {@code /scale} subresource. */
interface ScaleTargets {

  /** Reads the target's replicas, or says why it cannot be scaled. */
  TargetObservation observe(String namespace, ScaleTargetRef ref);

  /**
   * Reads the target of the ScaledApi {@code scaledApi} (its key); what is cached to reach a kind
   * is kept only while some ScaledApi names it. This default caches nothing.
   */
  default TargetObservation observe(String scaledApi, String namespace, ScaleTargetRef ref) {
    return observe(namespace, ref);
  }

  /** Drops what is cached for a deleted ScaledApi alone. */
  default void forget(String scaledApi) {}

  /**
   * Sets the target's replicas.
   *
   * @throws ScaleWriteException when the API server refuses or cannot be reached
   */
  void scale(String namespace, ScaleTargetRef ref, TargetObservation.Found observed, int replicas);

  /** A failed write of {@code /scale}. */
  final class ScaleWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScaleWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
