package io.scaledapi.operator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Combines the signal rules into one recommendation: the maximum of the proposals, never lower than
 * the current count when a configured signal failed (or gave a reading the rules cannot use, see
 * {@link ReadingCheck}), and the fallback after too many consecutive failures.
 */
final class Recommender {

  /** The proposals of the available signals and the failures of the others. */
  record Evaluation(
      Optional<Proposal> queue,
      Optional<Proposal> latency,
      List<String> failures,
      boolean allFailed) {}

  private Recommender() {}

  /** The recommendation for {@code input}, with the updated failure count. */
  static Recommendation recommend(ScalingInput input) {
    Evaluation evaluation = evaluate(input);
    int previous = input.history().consecutiveFailures();
    int failures =
        evaluation.failures().isEmpty()
            ? 0
            : previous == Integer.MAX_VALUE ? previous : previous + 1;
    Recommendation base = combine(input.currentReplicas(), evaluation, failures);
    return withFallback(base, input, evaluation);
  }

  /** Runs the rules on the available signals and lists the failed ones. */
  static Evaluation evaluate(ScalingInput input) {
    int current = input.currentReplicas();
    ScalingSpec spec = input.spec();
    List<String> failures = new ArrayList<>();
    SignalReading queue = input.signals().queueDepth();
    Optional<Proposal> queueProposal = Optional.empty();
    Optional<String> queueFailure =
        queue.available()
            ? ReadingCheck.queue(queue.value().getAsDouble(), spec)
            : Optional.of(queue.failure());
    if (queueFailure.isEmpty()) {
      queueProposal = Optional.of(SignalRules.queue(queue.value().getAsDouble(), current, spec));
    } else {
      failures.add(labelled("queue", queueFailure.get()));
    }
    Optional<Proposal> latencyProposal = Optional.empty();
    boolean latencyAvailable = false;
    Optional<SignalReading> latency = input.signals().latency();
    if (spec.latencyTargetSeconds().isPresent() && latency.isPresent()) {
      SignalReading reading = latency.get();
      Optional<String> latencyFailure =
          reading.available()
              ? ReadingCheck.latency(reading.value().getAsDouble(), current, spec)
              : Optional.of(reading.failure());
      if (latencyFailure.isEmpty()) {
        latencyAvailable = true;
        latencyProposal = SignalRules.latency(reading.value().getAsDouble(), current, spec);
      } else {
        failures.add(labelled("latency", latencyFailure.get()));
      }
    }
    boolean allFailed = queueFailure.isPresent() && !latencyAvailable;
    return new Evaluation(queueProposal, latencyProposal, List.copyOf(failures), allFailed);
  }

  /** "queue: timeout"; a failure already starting with the signal name is kept as it is. */
  static String labelled(String signal, String failure) {
    return failure.startsWith(signal + ":") ? failure : signal + ": " + failure;
  }

  /**
   * The maximum of the proposals when all signals are available; with a failed signal, the
   * available one only if it pushes above {@code current}, otherwise {@code current}.
   */
  static Recommendation combine(int current, Evaluation evaluation, int failures) {
    if (evaluation.failures().isEmpty()) {
      Proposal best = evaluation.queue().orElseThrow();
      Optional<Proposal> latency = evaluation.latency();
      if (latency.isPresent() && latency.get().replicas() > best.replicas()) {
        best = latency.get();
      }
      return new Recommendation(best.replicas(), best.reason(), best.message(), true, true, 0);
    }
    String unavailable = "metrics unavailable (" + String.join(", ", evaluation.failures()) + ")";
    Optional<Proposal> other = evaluation.queue().or(evaluation::latency);
    if (!evaluation.allFailed() && other.isPresent() && other.get().replicas() > current) {
      Proposal up = other.get();
      return new Recommendation(
          up.replicas(), up.reason(), up.message() + "; " + unavailable, true, false, failures);
    }
    return new Recommendation(
        current,
        Reason.METRICS_UNAVAILABLE,
        unavailable + "; holding " + Format.replicas(current),
        !evaluation.allFailed(),
        false,
        failures);
  }

  /**
   * Once the failure count reaches the threshold and fallback replicas are set, recommends {@code
   * max(current, fallback)} unless an available signal asks for more.
   */
  static Recommendation withFallback(
      Recommendation base, ScalingInput input, Evaluation evaluation) {
    Fallback fallback = input.spec().fallback();
    int failures = base.consecutiveFailures();
    if (failures < fallback.failureThreshold() || fallback.replicas().isEmpty()) {
      return base;
    }
    int current = input.currentReplicas();
    int wanted = fallback.replicas().getAsInt();
    int replicas = Math.max(current, wanted);
    if (base.replicas() > replicas) {
      return base;
    }
    String action =
        wanted >= current
            ? "fallback to " + Format.replicas(replicas)
            : "fallback " + wanted + " is below current, holding " + Format.replicas(current);
    String message =
        failures
            + (failures == 1 ? " consecutive metric failure (" : " consecutive metric failures (")
            + String.join(", ", evaluation.failures())
            + "); "
            + action;
    return new Recommendation(replicas, Reason.FALLBACK, message, true, false, failures);
  }
}
