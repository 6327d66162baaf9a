package io.scaledapi.operator.reconciler;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.reconciler.LeadTimeLearningIT.MovableClock;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The reconciler on hand-written fakes: one target, events and metrics in memory, a clock. */
record FakedReconciler(
    ScaledApiReconciler reconciler,
    FakeScaleTargets targets,
    FakeEvents events,
    FakeMetricsSources sources,
    SimpleMeterRegistry registry,
    MovableClock clock) {

  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** A target at {@code replicas}, every query answered by {@code answers}, no HPA. */
  static FakedReconciler of(int replicas, Function<String, QueryResult> answers) {
    FakeScaleTargets targets = new FakeScaleTargets(replicas);
    FakeEvents events = new FakeEvents();
    FakeMetricsSources sources = new FakeMetricsSources(answers);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OperatorMetrics metrics = new OperatorMetrics(registry);
    MovableClock clock = new MovableClock(START);
    ScaledApiReconciler reconciler =
        new ScaledApiReconciler(
            new ScaledApiReconciler.Collaborators(
                new SpecParser(Optional.empty()),
                targets,
                (namespace, ref) -> new HpaConflicts.None(),
                new SignalReader(sources, metrics),
                events,
                metrics,
                clock,
                true,
                namespace -> List.of(),
                // the pacing of polls follows the test's clock
                () -> TimeUnit.MILLISECONDS.toNanos(clock.millis())));
    return new FakedReconciler(reconciler, targets, events, sources, registry, clock);
  }

  /** How many reconciles ended with {@code result}, success or error. */
  double reconciles(String result) {
    var counter = registry.find("scaledapi.reconciles").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }
}
