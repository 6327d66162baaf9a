package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of several ScaledApis on one workload writes its {@code /scale}: the oldest, by
 * creationTimestamp, then by name. Both are fixed at creation, so every ScaledApi reaches the same
 * answer on its own, and a restart or a new leader does not move ownership. A ScaledApi in DryRun
 * writes nothing, so it neither owns a workload nor is kept from reporting. One being deleted has
 * let go.
 */
final class Ownership {
  private static final Comparator<ScaledApi> OLDEST_FIRST =
      Comparator.comparing(
              (ScaledApi s) -> created(s.getMetadata()),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(s -> s.getMetadata().getName());

  private Ownership() {}

  /** The ScaledApi that owns {@code self}'s workload, when it is another one. */
  static Optional<ScaledApi> ownerOtherThan(ScaledApi self, List<ScaledApi> namespace) {
    if (!writes(self)) {
      return Optional.empty();
    }
    String target = target(self.getSpec().scaleTargetRef());
    List<ScaledApi> rivals = new ArrayList<>(List.of(self));
    namespace.stream()
        .filter(other -> !sameObject(other, self))
        .filter(other -> writes(other) && other.getMetadata().getDeletionTimestamp() == null)
        .filter(other -> target.equals(target(other.getSpec().scaleTargetRef())))
        .forEach(rivals::add);
    ScaledApi owner = rivals.stream().min(OLDEST_FIRST).orElseThrow();
    return owner == self ? Optional.empty() : Optional.of(owner);
  }

  /** Why {@code self} holds: who owns the workload, and what to do. */
  static String message(ScaledApi owner, ScaleTargetRef ref) {
    String name = owner.getMetadata().getName();
    return "ScaledApi "
        + name
        + " already scales "
        + KubernetesScaleTargets.describe(ref)
        + " (it was created first); this one does not write /scale, and takes over when "
        + name
        + " is deleted. Delete one of the two, or set spec.mode to DryRun on one to only report";
  }

  private static boolean writes(ScaledApi s) {
    return s.getSpec() != null
        && s.getSpec().scaleTargetRef() != null
        && s.getSpec().modeOrDefault() != Mode.DRY_RUN;
  }

  private static boolean sameObject(ScaledApi a, ScaledApi b) {
    String uid = a.getMetadata().getUid();
    return uid != null
        ? uid.equals(b.getMetadata().getUid())
        : Objects.equals(a.getMetadata().getName(), b.getMetadata().getName());
  }

  private static String target(ScaleTargetRef ref) {
    return ref.apiVersionOrDefault() + "/" + ref.kindOrDefault() + "/" + ref.name();
  }

  private static Instant created(ObjectMeta meta) {
    try {
      return meta.getCreationTimestamp() == null
          ? null
          : Instant.parse(meta.getCreationTimestamp());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
