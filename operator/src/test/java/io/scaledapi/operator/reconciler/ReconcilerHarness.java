package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The reconciler on hand-written fakes of everything it works with, and an API server of one.
 *
 * <ul>
 *   <li>Time stands still until {@link #advance} or {@link #at} moves it; the one clock drives the
 *       reconciler's wall clock and its monotonic clock (the pacing of polls) alike.
 *   <li>The ScaledApis {@link #create created} are stored here. A reconcile is handed a copy of the
 *       stored object, as the framework hands a copy of its cache; the status a reconcile patches
 *       is stored, so the next reconcile sees it; {@link #edit} raises the generation; the stored
 *       ScaledApis of a namespace are the reconciler's peers; {@link #delete} removes one and
 *       reconciles its deletion.
 *   <li>{@link #targets} is Deployment "api" at one replica, {@link #hpas} finds no HPA, {@link
 *       #sources} answers no series until told otherwise, {@link #events} records events.
 *   <li>{@link #restart} replaces the reconciler with a new one, as a new operator process would:
 *       nothing in memory, the same objects, target and clock.
 * </ul>
 */
final class ReconcilerHarness {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final String NS = "team";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  final MovableClock clock = new MovableClock(START);
  final FakeScaleTargets targets = new FakeScaleTargets(1);
  final FakeHpaConflicts hpas = new FakeHpaConflicts();
  final FakeEvents events = new FakeEvents();
  final FakeMetricsSources sources;
  private final Map<String, ScaledApi> stored = new LinkedHashMap<>();
  private final List<ScaledApi> patches = new ArrayList<>();
  private boolean refuseNextPatch;
  private SimpleMeterRegistry registry;
  private ScaledApiReconciler reconciler;

  ReconcilerHarness() {
    this(new FakeMetricsSources());
  }

  /** With {@code sources}. */
  ReconcilerHarness(FakeMetricsSources sources) {
    this.sources = sources;
    restart();
  }

  /** A new reconciler, as after a restart of the operator: it remembers nothing. */
  void restart() {
    registry = new SimpleMeterRegistry();
    OperatorMetrics metrics = new OperatorMetrics(registry);
    reconciler =
        new ScaledApiReconciler(
            new ScaledApiReconciler.Collaborators(
                new SpecParser(Optional.empty()),
                targets,
                hpas,
                new SignalReader(sources, metrics),
                events,
                metrics,
                clock,
                this::peers,
                clock::nanos));
  }

  ScaledApiReconciler reconciler() {
    return reconciler;
  }

  /** A ScaledApi named {@code name} in {@link #NS}, uid "uid-{@code name}", created now. */
  ScaledApi create(String name, ScaledApiSpec spec) {
    return create(name, clock.instant(), spec);
  }

  /** A ScaledApi named {@code name} in {@link #NS}, uid "uid-{@code name}", created then. */
  ScaledApi create(String name, Instant created, ScaledApiSpec spec) {
    ScaledApi sapi = TestScaledApis.scaledApi(NS, spec);
    sapi.getMetadata().setName(name);
    sapi.getMetadata().setUid("uid-" + name);
    sapi.getMetadata().setGeneration(1L);
    sapi.getMetadata().setCreationTimestamp(created.toString());
    return add(sapi);
  }

  /** The stored ScaledApi named {@code name} in {@link #NS}. */
  ScaledApi stored(String name) {
    ScaledApi sapi = stored.get(NS + "/" + name);
    if (sapi == null) {
      throw new IllegalStateException("not stored: " + name);
    }
    return sapi;
  }

  /** Stores {@code sapi} as it is, whatever its metadata. */
  ScaledApi add(ScaledApi sapi) {
    ScaledApi previous = stored.putIfAbsent(key(sapi), sapi);
    if (previous != null) {
      throw new IllegalStateException("already stored: " + key(sapi));
    }
    return sapi;
  }

  /**
   * One reconcile of the stored {@code sapi}, handed a copy of it; a status patch is stored, as the
   * API server would store it, unless {@link #refuseNextStatusPatch refused}.
   */
  UpdateControl<ScaledApi> reconcile(ScaledApi sapi) {
    UpdateControl<ScaledApi> control =
        reconciler.reconcile(SERIALIZATION.clone(sapi), FakeContext.live());
    if (control.isPatchStatus()) {
      ScaledApi patch = control.getResource().orElseThrow();
      if (!Objects.equals(patch.getMetadata().getName(), sapi.getMetadata().getName())
          || !Objects.equals(
              patch.getMetadata().getNamespace(), sapi.getMetadata().getNamespace())) {
        throw new AssertionError("a status patch for another object: " + patch.getMetadata());
      }
      if (refuseNextPatch) {
        refuseNextPatch = false;
      } else {
        patches.add(patch);
        sapi.setStatus(patch.getStatus());
      }
    }
    return control;
  }

  /**
   * Reconciles {@code sapi} {@code times} times, each followed by {@code interval}: time ends at
   * the poll after the last.
   */
  void poll(ScaledApi sapi, int times, Duration interval) {
    for (int i = 0; i < times; i++) {
      reconcile(sapi);
      advance(interval);
    }
  }

  /** The next status patch is refused, as with a conflict: the object keeps its status. */
  void refuseNextStatusPatch() {
    refuseNextPatch = true;
  }

  /** How many status patches were stored. */
  int patches() {
    return patches.size();
  }

  /** Changes the spec, as {@code kubectl edit} does: the generation rises. */
  void edit(ScaledApi sapi, UnaryOperator<ScaledApiSpec> change) {
    sapi.setSpec(change.apply(sapi.getSpec()));
    sapi.getMetadata().setGeneration(sapi.getMetadata().getGeneration() + 1);
  }

  /** Deletes {@code sapi}: it leaves the namespace, and the framework reconciles its deletion. */
  UpdateControl<ScaledApi> delete(ScaledApi sapi) {
    if (stored.remove(key(sapi)) == null) {
      throw new IllegalStateException("not stored: " + key(sapi));
    }
    return reconciler.reconcile(SERIALIZATION.clone(sapi), FakeContext.deleted());
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** Moves time to {@code instant}, never back. */
  void at(Instant instant) {
    clock.set(instant);
  }

  /** How many reconciles ended with {@code result}, success or error. */
  double reconciles(String result) {
    var counter = registry.find("scaledapi.reconciles").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * The desired-replicas gauge of ScaledApi {@code name} in {@link #NS}; null when there is none.
   */
  Double desiredGauge(String name) {
    Gauge gauge =
        registry
            .find("scaledapi.desired.replicas")
            .tags("namespace", NS, "scaledapi", name)
            .gauge();
    return gauge == null ? null : gauge.value();
  }

  private List<ScaledApi> peers(String namespace) {
    return stored.values().stream()
        .filter(s -> Objects.equals(namespace, s.getMetadata().getNamespace()))
        .toList();
  }

  private static String key(ScaledApi sapi) {
    return sapi.getMetadata().getNamespace() + "/" + sapi.getMetadata().getName();
  }

  /** A clock that stands still until moved, never back; its nanoseconds count from START. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      if (instant.isBefore(now)) {
        throw new IllegalArgumentException("time does not go back: " + instant + " < " + now);
      }
      now = instant;
    }

    void advance(Duration d) {
      set(now.plus(d));
    }

    /** The monotonic clock: nanoseconds since START. */
    long nanos() {
      return Duration.between(START, now).toNanos();
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
