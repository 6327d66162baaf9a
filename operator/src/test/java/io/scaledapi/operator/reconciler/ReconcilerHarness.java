package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.event.EventSourceRetriever;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.reconciler.LeadTimeLearningIT.MovableClock;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The reconciler with hand-written fakes of its collaborators, and an API server of one: the status
 * a reconcile patches is what the next reconcile sees, and an edit raises the generation. Time
 * stands still until {@link #advance} moves both clocks.
 */
final class ReconcilerHarness {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final String NS = "team";

  final MovableClock clock = new MovableClock(START);
  final AtomicLong nanos = new AtomicLong();
  final FakeTargets targets = new FakeTargets();
  HpaConflicts.Result hpa = new HpaConflicts.None();
  final List<ScaledApi> namespace = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  double queue = 0;
  final ScaledApiReconciler reconciler;

  ReconcilerHarness() {
    OperatorMetrics metrics = new OperatorMetrics(new SimpleMeterRegistry());
    reconciler =
        new ScaledApiReconciler(
            new ScaledApiReconciler.Collaborators(
                new SpecParser(Optional.empty()),
                targets,
                (ns, ref) -> hpa,
                new SignalReader(
                    sapi -> (promql, time) -> new QueryResult.Value(queue, time), metrics),
                (on, type, reason, message) ->
                    events.add(on.getMetadata().getName() + " " + type.wireName() + " " + reason),
                metrics,
                clock,
                false,
                ns -> List.copyOf(namespace),
                nanos::get));
  }

  /** A ScaledApi named {@code name} on Deployment "api", created at {@code created}. */
  ScaledApi create(String name, Instant created, ScaledApiSpec spec) {
    ScaledApi sapi = TestScaledApis.scaledApi(NS, spec);
    sapi.getMetadata().setName(name);
    sapi.getMetadata().setUid("uid-" + name);
    sapi.getMetadata().setGeneration(1L);
    sapi.getMetadata().setCreationTimestamp(created.toString());
    namespace.add(sapi);
    return sapi;
  }

  /** One reconcile; a status patch is applied to {@code sapi}, as the API server would. */
  UpdateControl<ScaledApi> reconcile(ScaledApi sapi) {
    UpdateControl<ScaledApi> control = reconciler.reconcile(sapi, new FakeContext());
    if (control.isPatchStatus()) {
      sapi.setStatus(control.getResource().orElseThrow().getStatus());
    }
    return control;
  }

  /** Changes the spec, as {@code kubectl edit} does: the generation rises. */
  void edit(ScaledApi sapi, UnaryOperator<ScaledApiSpec> change) {
    sapi.setSpec(change.apply(sapi.getSpec()));
    sapi.getMetadata().setGeneration(sapi.getMetadata().getGeneration() + 1);
  }

  void advance(Duration d) {
    clock.advance(d);
    nanos.addAndGet(d.toNanos());
  }

  /** Deployment "api" in {@link #NS}; records every /scale write. */
  static final class FakeTargets implements ScaleTargets {
    int replicas = 1;
    final List<Integer> writes = new ArrayList<>();

    @Override
    public TargetObservation observe(String namespace, ScaleTargetRef ref) {
      return new TargetObservation.Found(
          replicas,
          replicas,
          new ScaleBuilder().withNewSpec().withReplicas(replicas).endSpec().build());
    }

    @Override
    public void scale(
        String namespace, ScaleTargetRef ref, TargetObservation.Found observed, int to) {
      writes.add(to);
      replicas = to;
    }
  }

  /** A context of a reconcile of a ScaledApi that exists; nothing else is read from it. */
  static final class FakeContext implements Context<ScaledApi> {
    @Override
    public boolean isPrimaryResourceDeleted() {
      return false;
    }

    @Override
    public boolean isPrimaryResourceFinalStateUnknown() {
      return false;
    }

    @Override
    public Optional<RetryInfo> getRetryInfo() {
      return Optional.empty();
    }

    @Override
    public <R> Set<R> getSecondaryResources(Class<R> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <R> Optional<R> getSecondaryResource(Class<R> type, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ControllerConfiguration<ScaledApi> getControllerConfiguration() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ManagedWorkflowAndDependentResourceContext managedWorkflowAndDependentResourceContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public EventSourceRetriever<ScaledApi> eventSourceRetriever() {
      throw new UnsupportedOperationException();
    }

    @Override
    public KubernetesClient getClient() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ExecutorService getWorkflowExecutorService() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ScaledApi getPrimaryResource() {
      throw new UnsupportedOperationException();
    }

    @Override
    public IndexedResourceCache<ScaledApi> getPrimaryCache() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isNextReconciliationImminent() {
      return false;
    }
  }
}
