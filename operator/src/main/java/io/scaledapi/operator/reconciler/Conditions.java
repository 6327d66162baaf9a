package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes-style conditions: lastTransitionTime moves only when status changes. */
final class Conditions {
  public static final String READY = "Ready";
  public static final String METRICS_AVAILABLE = "MetricsAvailable";
  public static final String SCALING_ACTIVE = "ScalingActive";
  public static final String SCALING_LIMITED = "ScalingLimited";
  public static final String PREDICTION_READY = "PredictionReady";

  private static final List<String> ORDER =
      List.of(READY, METRICS_AVAILABLE, SCALING_ACTIVE, SCALING_LIMITED, PREDICTION_READY);

  private Conditions() {}

  /** A condition to set: type, True/False, reason, message. */
  public record Wanted(String type, boolean status, String reason, String message) {}

  /** The new list, keeping transition times of conditions whose status did not change. */
  public static List<Condition> merge(
      List<Condition> previous, List<Wanted> wanted, Instant now, Long generation) {
    return merge(previous, wanted, List.of(), now, generation);
  }

  /**
   * The new list, with {@code kept} conditions of the previous status carried over unchanged where
   * nothing is wanted of their type.
   */
  public static List<Condition> merge(
      List<Condition> previous,
      List<Wanted> wanted,
      List<Condition> kept,
      Instant now,
      Long generation) {
    List<Condition> result = new ArrayList<>();
    for (String type : ORDER) {
      Optional<Wanted> set = wanted.stream().filter(w -> w.type().equals(type)).findFirst();
      if (set.isPresent()) {
        result.add(build(find(previous, type), set.get(), now, generation));
      } else {
        find(kept, type).ifPresent(result::add);
      }
    }
    return result;
  }

  /** The condition of that type, if present. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Whether the condition of that type is present with that status and reason. */
  public static boolean has(
      List<Condition> conditions, String type, boolean status, String reason) {
    return find(conditions, type)
        .filter(c -> statusString(status).equals(c.getStatus()))
        .filter(c -> reason == null || reason.equals(c.getReason()))
        .isPresent();
  }

  private static Condition build(
      Optional<Condition> previous, Wanted wanted, Instant now, Long generation) {
    String status = statusString(wanted.status());
    String transition =
        previous
            .filter(p -> Objects.equals(p.getStatus(), status))
            .map(Condition::getLastTransitionTime)
            .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(wanted.type())
        .withStatus(status)
        .withReason(wanted.reason())
        .withMessage(wanted.message())
        .withLastTransitionTime(transition)
        .withObservedGeneration(generation)
        .build();
  }

  private static String statusString(boolean status) {
    return status ? "True" : "False";
  }
}
