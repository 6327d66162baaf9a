package io.scaledapi.operator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * Combines the signal rules into one recommendation: the maximum of the proposals, never lower than
 * the current count when a configured signal failed (or gave a reading the rules cannot use, see
 * {@link ReadingCheck}), and the fallback after too many consecutive failures.
 */
final class Recommender {

  /**
   * The proposals of the available signals and the failures of the others; {@code queue} is the
   * main proposal, of the demand rule or the queue rule.
   */
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
    OptionalDouble queue =
        usable("queue", input.signals().queueDepth(), failures, v -> ReadingCheck.queue(v, spec));
    Optional<Proposal> primary = primary(input, queue, failures);
    Optional<Proposal> latencyProposal = Optional.empty();
    boolean latencyAvailable = false;
    Optional<SignalReading> latency = input.signals().latency();
    if (spec.latencyTargetSeconds().isPresent() && latency.isPresent()) {
      OptionalDouble seconds =
          usable("latency", latency.get(), failures, v -> ReadingCheck.latency(v, current, spec));
      if (seconds.isPresent()) {
        latencyAvailable = true;
        latencyProposal = SignalRules.latency(seconds.getAsDouble(), current, spec);
      }
    }
    boolean allFailed = primary.isEmpty() && !latencyAvailable;
    return new Evaluation(primary, latencyProposal, List.copyOf(failures), allFailed);
  }

  /**
   * The main proposal: the demand rule once capacity is known and the arrival rate is read (with
   * the backlog, and the queue rule's quicker answer, when the queue is read too), otherwise the
   * queue rule. A failed arrival rate is a failed signal then, so the queue rule can only push up.
   */
  private static Optional<Proposal> primary(
      ScalingInput input, OptionalDouble queue, List<String> failures) {
    ScalingSpec spec = input.spec();
    int current = input.currentReplicas();
    Optional<SignalReading> arrivals = input.signals().arrivalRate();
    if (input.provisioning().isPresent() && arrivals.isPresent()) {
      OptionalDouble rate = usable("arrivalRate", arrivals.get(), failures, ReadingCheck::rate);
      if (rate.isPresent()) {
        Provisioning provisioning = input.provisioning().get();
        double measured = rate.getAsDouble();
        Proposal demand =
            DemandRule.proposal(measured, queue.orElse(0.0), current, spec, provisioning);
        return Optional.of(
            queue.isEmpty()
                ? demand
                : DemandRule.withQueueRule(
                    demand, measured, queue.getAsDouble(), current, spec, provisioning));
      }
    }
    return queue.isPresent()
        ? Optional.of(SignalRules.queue(queue.getAsDouble(), current, spec))
        : Optional.empty();
  }

  /**
   * The reading's value when it was read and {@code check} finds nothing wrong with it; otherwise
   * its failure is added.
   */
  private static OptionalDouble usable(
      String signal,
      SignalReading reading,
      List<String> failures,
      DoubleFunction<Optional<String>> check) {
    Optional<String> failure =
        !reading.available()
            ? Optional.of(reading.failure())
            : check.apply(reading.value().getAsDouble());
    failure.ifPresent(f -> failures.add(labelled(signal, f)));
    return failure.isPresent() ? OptionalDouble.empty() : reading.value();
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
   * Once the failure count reaches the threshold of a configured fallback, recommends what its
   * behaviour sets, unless an available signal asks for more than both that and the current count.
   */
  static Recommendation withFallback(
      Recommendation base, ScalingInput input, Evaluation evaluation) {
    Optional<Fallback> configured = input.spec().fallback();
    int failures = base.consecutiveFailures();
    if (configured.isEmpty() || failures < configured.get().failureThreshold()) {
      return base;
    }
    Fallback fallback = configured.get();
    int current = input.currentReplicas();
    int replicas = fallback.replicasAt(current);
    if (base.replicas() > Math.max(current, replicas)) {
      return base;
    }
    String message =
        failures
            + (failures == 1 ? " consecutive metric failure (" : " consecutive metric failures (")
            + String.join(", ", evaluation.failures())
            + "); "
            + action(fallback, current, replicas);
    return new Recommendation(replicas, Reason.FALLBACK, message, true, false, failures);
  }

  /** "fallback to 7 replicas", "fallback 2 is below current, holding 5 replicas", ... */
  private static String action(Fallback fallback, int current, int replicas) {
    if (replicas > current) {
      return "fallback to " + Format.replicas(replicas);
    }
    if (replicas < current) {
      return "fallback "
          + fallback.behavior().specName()
          + " lowers to "
          + Format.replicas(replicas);
    }
    if (fallback.behavior() == FallbackBehavior.CURRENT_REPLICAS) {
      return "fallback currentReplicas, holding " + Format.replicas(current);
    }
    int wanted = fallback.replicas().getAsInt();
    return wanted == current
        ? "fallback to " + Format.replicas(replicas)
        : "fallback "
            + wanted
            + (wanted < current ? " is below" : " is above")
            + " current,"
            + " holding "
            + Format.replicas(current);
  }
}
