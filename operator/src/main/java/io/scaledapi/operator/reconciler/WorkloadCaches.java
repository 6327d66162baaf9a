package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informer caches a poll reads instead of calling the API server: Deployments and StatefulSets
 * (their replicas), and HorizontalPodAutoscalers (their targets), in the watched namespaces. Each
 * cached object keeps only those fields.
 */
final class WorkloadCaches implements AutoCloseable {
  /** How long start-up waits for the first lists before reconciles begin. */
  static final Duration SYNC_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(WorkloadCaches.class);

  private final Map<String, InformerCache<GenericKubernetesResource>> targets;
  private final InformerCache<HorizontalPodAutoscaler> hpas;

  private WorkloadCaches(
      Map<String, InformerCache<GenericKubernetesResource>> targets,
      InformerCache<HorizontalPodAutoscaler> hpas) {
    this.targets = targets;
    this.hpas = hpas;
  }

  static WorkloadCaches of(KubernetesClient client, Set<String> namespaces) {
    Map<String, InformerCache<GenericKubernetesResource>> targets = new LinkedHashMap<>();
    for (var kind : List.of(Deployment.class, StatefulSet.class)) {
      ResourceDefinitionContext context = ResourceDefinitionContext.fromResourceType(kind);
      targets.put(
          context.getGroup() + "/" + context.getVersion() + "/" + context.getKind(),
          InformerCache.of(
              client.genericKubernetesResources(context),
              context.getPlural(),
              namespaces,
              WorkloadCaches::replicasOnly));
    }
    InformerCache<HorizontalPodAutoscaler> hpas =
        InformerCache.of(
            client.autoscaling().v2().horizontalPodAutoscalers(),
            "HorizontalPodAutoscalers",
            namespaces,
            WorkloadCaches::targetOnly);
    return new WorkloadCaches(targets, hpas);
  }

  /** The cached scale targets by {@code apiVersion/kind}, e.g. {@code apps/v1/Deployment}. */
  Map<String, CachedObjects<GenericKubernetesResource>> targets() {
    return Map.copyOf(targets);
  }

  CachedObjects<HorizontalPodAutoscaler> hpas() {
    return hpas;
  }

  /** Starts the informers and waits up to {@link #SYNC_WAIT} for their first lists. */
  void start() {
    all().forEach(InformerCache::start);
    long deadline = System.nanoTime() + SYNC_WAIT.toNanos();
    if (!all().allMatch(c -> c.awaitSynced(Duration.ofNanos(deadline - System.nanoTime())))) {
      // polls meanwhile hold and say why (TargetUnreachable, HPACheckFailed)
      log.warn("not every informer has listed its objects after {}; retrying", SYNC_WAIT);
    }
  }

  @Override
  public void close() {
    all().forEach(InformerCache::close);
  }

  private Stream<InformerCache<?>> all() {
    return Stream.concat(targets.values().stream(), Stream.of(hpas));
  }

  /** Name, namespace, resourceVersion, and the replicas fields of spec and status. */
  static GenericKubernetesResource replicasOnly(GenericKubernetesResource full) {
    GenericKubernetesResource kept = new GenericKubernetesResource();
    kept.setApiVersion(full.getApiVersion());
    kept.setKind(full.getKind());
    kept.setMetadata(identity(full.getMetadata()));
    copy(full, kept, "spec", "replicas");
    copy(full, kept, "status", "replicas");
    copy(full, kept, "status", "readyReplicas");
    return kept;
  }

  /** Name, namespace and scale target. */
  static HorizontalPodAutoscaler targetOnly(HorizontalPodAutoscaler full) {
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(identity(full.getMetadata()))
        .withNewSpec()
        .withScaleTargetRef(full.getSpec() == null ? null : full.getSpec().getScaleTargetRef())
        .endSpec()
        .build();
  }

  private static ObjectMeta identity(ObjectMeta full) {
    return new ObjectMetaBuilder()
        .withName(full.getName())
        .withNamespace(full.getNamespace())
        .withUid(full.getUid())
        .withResourceVersion(full.getResourceVersion())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static void copy(
      GenericKubernetesResource from, GenericKubernetesResource to, String part, String field) {
    Object value = from.get(part, field);
    if (value != null) {
      ((Map<String, Object>)
              to.getAdditionalProperties().computeIfAbsent(part, p -> new LinkedHashMap<>()))
          .put(field, value);
    }
  }
}
