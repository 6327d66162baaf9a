package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;

/** What the operator sees of its target. */
sealed interface TargetObservation {

  /**
   * The target exists and is scalable.
   *
   * @param specReplicas replicas asked for
   * @param readyReplicas replicas reported by the target's status
   * @param scale the scale object read; written back with new replicas, so that a concurrent change
   *     of the target makes the write fail with a conflict instead of overriding it
   */
  record Found(int specReplicas, int readyReplicas, Scale scale) implements TargetObservation {}

  /**
   * The target cannot be scaled.
   *
   * @param reason a condition reason: TargetNotFound, UnknownTargetKind, TargetNotScalable or
   *     TargetUnreachable
   * @param message what is wrong and how to fix it
   */
  record Missing(String reason, String message) implements TargetObservation {}
}
