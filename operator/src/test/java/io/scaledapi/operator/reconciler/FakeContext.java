package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.event.EventSourceRetriever;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The context of one reconcile: of a ScaledApi that exists, or of one just deleted. The reconciler
 * asks it only whether the resource was deleted; any other question fails the test.
 */
final class FakeContext implements Context<ScaledApi> {
  private final boolean deleted;

  private FakeContext(boolean deleted) {
    this.deleted = deleted;
  }

  /** A reconcile of a ScaledApi that exists. */
  static FakeContext live() {
    return new FakeContext(false);
  }

  /** The reconcile the framework makes for a ScaledApi just deleted. */
  static FakeContext deleted() {
    return new FakeContext(true);
  }

  @Override
  public boolean isPrimaryResourceDeleted() {
    return deleted;
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
    throw new UnsupportedOperationException("getSecondaryResources");
  }

  @Override
  public <R> Optional<R> getSecondaryResource(Class<R> type, String name) {
    throw new UnsupportedOperationException("getSecondaryResource");
  }

  @Override
  public ControllerConfiguration<ScaledApi> getControllerConfiguration() {
    throw new UnsupportedOperationException("getControllerConfiguration");
  }

  @Override
  public ManagedWorkflowAndDependentResourceContext managedWorkflowAndDependentResourceContext() {
    throw new UnsupportedOperationException("managedWorkflowAndDependentResourceContext");
  }

  @Override
  public EventSourceRetriever<ScaledApi> eventSourceRetriever() {
    throw new UnsupportedOperationException("eventSourceRetriever");
  }

  @Override
  public KubernetesClient getClient() {
    throw new UnsupportedOperationException("getClient");
  }

  @Override
  public ExecutorService getWorkflowExecutorService() {
    throw new UnsupportedOperationException("getWorkflowExecutorService");
  }

  @Override
  public ScaledApi getPrimaryResource() {
    throw new UnsupportedOperationException("getPrimaryResource");
  }

  @Override
  public IndexedResourceCache<ScaledApi> getPrimaryCache() {
    throw new UnsupportedOperationException("getPrimaryCache");
  }

  @Override
  public boolean isNextReconciliationImminent() {
    return false;
  }
}
