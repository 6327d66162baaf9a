package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.Optional;

/** Finds a HorizontalPodAutoscaler that already scales the same workload. */
interface HpaConflicts {

  /** Whether an HPA in {@code namespace} targets {@code ref}, or why that cannot be told. */
  Result check(String namespace, ScaleTargetRef ref);

  /** What the check found. */
  sealed interface Result {}

  /** No HPA targets the workload. */
  record None() implements Result {}

  /** The HPA named {@code name} targets the workload. */
  record Conflict(String name) implements Result {}

  /** The check cannot tell: {@code why} says what failed. */
  record Unknown(String why) implements Result {}

  /** Why a ScaledApi must not write {@code /scale}: a condition reason and its message. */
  record Hold(String reason, String message) {}

  /** What a ScaledApi on {@code ref}, at {@code replicas}, must hold for; empty when nothing. */
  static Optional<Hold> hold(Result result, ScaleTargetRef ref, int replicas) {
    String workload = KubernetesScaleTargets.describe(ref);
    if (result instanceof Conflict conflict) {
      return Optional.of(
          new Hold(
              "ConflictingHPA",
              "HorizontalPodAutoscaler "
                  + conflict.name()
                  + " already scales "
                  + workload
                  + "; delete it or this ScaledApi, the two would fight"));
    }
    if (result instanceof Unknown unknown) {
      return Optional.of(
          new Hold(
              "HPACheckFailed",
              "cannot tell whether a HorizontalPodAutoscaler scales "
                  + workload
                  + ": "
                  + unknown.why()
                  + "; holding "
                  + replicas
                  + (replicas == 1 ? " replica" : " replicas")
                  + " until it can"));
    }
    return Optional.empty();
  }

  /** Reads the HPAs from the operator's informer cache, and cannot tell while it is untrusted. */
  static HpaConflicts cached(CachedObjects<HorizontalPodAutoscaler> hpas) {
    return (namespace, ref) -> {
      Optional<String> untrusted = hpas.untrusted(namespace);
      if (untrusted.isPresent()) {
        return new Unknown(untrusted.get());
      }
      return hpas.list(namespace).stream()
          .filter(hpa -> targets(hpa, ref))
          .map(hpa -> hpa.getMetadata().getName())
          .sorted()
          .<Result>map(Conflict::new)
          .findFirst()
          .orElse(new None());
    };
  }

  private static boolean targets(HorizontalPodAutoscaler hpa, ScaleTargetRef ref) {
    if (hpa.getSpec() == null || hpa.getSpec().getScaleTargetRef() == null) {
      return false;
    }
    CrossVersionObjectReference target = hpa.getSpec().getScaleTargetRef();
    return ref.name().equals(target.getName()) && ref.kindOrDefault().equals(target.getKind());
  }
}
