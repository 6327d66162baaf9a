package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scales any kind that has a {@code /scale} subresource. The built-in apps/v1 kinds are known;
 * other kinds are found through API discovery, which also tells whether they can be scaled.
 * Deployments and StatefulSets are read from the operator's informer cache; other kinds through
 * {@code /scale} and a read of the object.
 */
final class KubernetesScaleTargets implements ScaleTargets {
  private static final Map<String, ResourceDefinitionContext> BUILT_IN =
      Map.of(
          "apps/v1/Deployment", ResourceDefinitionContext.fromResourceType(Deployment.class),
          "apps/v1/StatefulSet", ResourceDefinitionContext.fromResourceType(StatefulSet.class),
          "apps/v1/ReplicaSet", ResourceDefinitionContext.fromResourceType(ReplicaSet.class));

  private final KubernetesClient client;
  private final Map<String, CachedObjects<GenericKubernetesResource>> cached;
  private final Map<String, ResourceDefinitionContext> discovered = new ConcurrentHashMap<>();
  private final Map<String, String> kindByScaledApi = new ConcurrentHashMap<>();

  /**
   * @param cached informer caches by {@code apiVersion/kind}; kinds not among them are read from
   *     the API server
   */
  KubernetesScaleTargets(
      KubernetesClient client, Map<String, CachedObjects<GenericKubernetesResource>> cached) {
    this.client = client;
    this.cached = Map.copyOf(cached);
  }

  @Override
  public TargetObservation observe(String scaledApi, String namespace, ScaleTargetRef ref) {
    String kind = key(ref);
    if (!kind.equals(kindByScaledApi.put(scaledApi, kind))) {
      forgetKindsNoneNames();
    }
    return observe(namespace, ref);
  }

  @Override
  public void forget(String scaledApi) {
    if (kindByScaledApi.remove(scaledApi) != null) {
      forgetKindsNoneNames();
    }
  }

  /** Kinds discovered for ScaledApis are kept while one of them names the kind. */
  private void forgetKindsNoneNames() {
    discovered.keySet().retainAll(Set.copyOf(kindByScaledApi.values()));
  }

  /** The number of kinds discovered and kept. */
  int discoveredKinds() {
    return discovered.size();
  }

  @Override
  public TargetObservation observe(String namespace, ScaleTargetRef ref) {
    CachedObjects<GenericKubernetesResource> cache = cached.get(key(ref));
    return cache != null ? fromCache(cache, namespace, ref) : fromApi(namespace, ref, true);
  }

  private TargetObservation fromCache(
      CachedObjects<GenericKubernetesResource> cache, String namespace, ScaleTargetRef ref) {
    Optional<String> untrusted = cache.untrusted(namespace);
    if (untrusted.isPresent()) {
      return new TargetObservation.Missing(
          "TargetUnreachable", "cannot read " + describe(ref) + ": " + untrusted.get());
    }
    Optional<GenericKubernetesResource> found = cache.get(namespace, ref.name());
    if (found.isEmpty()) {
      // created a moment ago, or gone: the API server tells, which the cache may not know yet
      return fromApi(namespace, ref, false);
    }
    GenericKubernetesResource target = found.get();
    int spec = intAt(target, "spec", "replicas");
    int status = intAt(target, "status", "replicas");
    // the object's resourceVersion is its /scale's: a write on a stale read meets a conflict
    Scale scale =
        new ScaleBuilder()
            .withNewMetadata()
            .withName(ref.name())
            .withNamespace(namespace)
            .withResourceVersion(target.getMetadata().getResourceVersion())
            .endMetadata()
            .withNewSpec()
            .withReplicas(spec)
            .endSpec()
            .withNewStatus()
            .withReplicas(status)
            .endStatus()
            .build();
    // built-in kinds leave readyReplicas out while no replica is ready
    return new TargetObservation.Found(spec, intAt(target, "status", "readyReplicas"), scale);
  }

  private static int intAt(GenericKubernetesResource target, String part, String field) {
    return target.get(part, field) instanceof Number n ? n.intValue() : 0;
  }

  /**
   * Reads {@code /scale}, and the object for its readyReplicas when {@code readReady}; otherwise
   * the replicas of {@code /scale} stand for them.
   */
  private TargetObservation fromApi(String namespace, ScaleTargetRef ref, boolean readReady) {
    ResourceDefinitionContext context;
    try {
      Resolution resolved = resolve(ref);
      if (resolved.context() == null) {
        return new TargetObservation.Missing(resolved.reason(), resolved.problem());
      }
      context = resolved.context();
      Scale scale =
          client
              .genericKubernetesResources(context)
              .inNamespace(namespace)
              .withName(ref.name())
              .scale();
      if (scale == null) {
        return notFound(namespace, ref);
      }
      int spec = scale.getSpec() == null ? 0 : nullToZero(scale.getSpec().getReplicas());
      int status = scale.getStatus() == null ? 0 : nullToZero(scale.getStatus().getReplicas());
      int ready = readReady ? ready(context, namespace, ref, status) : status;
      return new TargetObservation.Found(spec, ready, scale);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return notFound(namespace, ref);
      }
      return new TargetObservation.Missing(
          "TargetUnreachable",
          "cannot read /scale of " + describe(ref) + ": " + ApiErrors.describe(e));
    }
  }

  @Override
  public void scale(
      String namespace, ScaleTargetRef ref, TargetObservation.Found observed, int replicas) {
    Resolution resolved = resolve(ref);
    if (resolved.context() == null) {
      throw new ScaleWriteException(resolved.problem(), null);
    }
    var target =
        client
            .genericKubernetesResources(resolved.context())
            .inNamespace(namespace)
            .withName(ref.name());
    try {
      // Written as the HPA does: the scale object read, with the new replicas, in one PUT. It
      // carries the read's resourceVersion (for a cached read, the object's, which is its
      // /scale's), so a concurrent change of the target makes it fail with a conflict instead of
      // silently overriding it.
      target.scale(
          new ScaleBuilder(observed.scale())
              .editOrNewSpec()
              .withReplicas(replicas)
              .endSpec()
              .build());
    } catch (KubernetesClientException e) {
      throw new ScaleWriteException(
          "cannot write /scale of "
              + describe(ref)
              + " (HTTP "
              + e.getCode()
              + "): "
              + ApiErrors.message(e)
              + (e.getCode() == HttpURLConnection.HTTP_CONFLICT
                  ? "; the next poll reads it again and retries"
                  : ""),
          e);
    }
  }

  private static String key(ScaleTargetRef ref) {
    return ref.apiVersionOrDefault() + "/" + ref.kindOrDefault();
  }

  /**
   * The target's {@code status.readyReplicas}, which {@code /scale} does not carry; the replicas of
   * {@code /scale} when the kind has no such field.
   */
  private int ready(
      ResourceDefinitionContext context, String namespace, ScaleTargetRef ref, int fallback) {
    GenericKubernetesResource target =
        client
            .genericKubernetesResources(context)
            .inNamespace(namespace)
            .withName(ref.name())
            .get();
    if (target == null || !(target.getAdditionalProperties().get("status") instanceof Map<?, ?>)) {
      return fallback;
    }
    Object ready = target.get("status", "readyReplicas");
    if (ready instanceof Number n) {
      return n.intValue();
    }
    // Deployments, StatefulSets and ReplicaSets leave the field out while no replica is ready.
    return BUILT_IN.containsKey(ref.apiVersionOrDefault() + "/" + ref.kindOrDefault())
        ? 0
        : fallback;
  }

  /** The resource of a target's kind; or, when it has none that can be scaled, why not. */
  private record Resolution(ResourceDefinitionContext context, String reason, String problem) {
    static Resolution of(ResourceDefinitionContext context) {
      return new Resolution(context, null, null);
    }

    static Resolution not(String reason, String problem) {
      return new Resolution(null, reason, problem);
    }
  }

  private Resolution resolve(ScaleTargetRef ref) {
    String apiVersion = ref.apiVersionOrDefault();
    String kind = ref.kindOrDefault();
    String key = apiVersion + "/" + kind;
    ResourceDefinitionContext known = BUILT_IN.getOrDefault(key, discovered.get(key));
    if (known != null) {
      return Resolution.of(known);
    }
    APIResourceList resources = client.getApiResources(apiVersion);
    if (resources == null
        || resources.getResources() == null
        || resources.getResources().isEmpty()) {
      return Resolution.not(
          "UnknownTargetKind",
          "the API server does not serve "
              + apiVersion
              + "; fix spec.scaleTargetRef.apiVersion (e.g. apps/v1), or install the CRD that"
              + " serves it");
    }
    List<APIResource> kinds =
        resources.getResources().stream().filter(r -> !r.getName().contains("/")).toList();
    Optional<APIResource> main = kinds.stream().filter(r -> kind.equals(r.getKind())).findFirst();
    if (main.isEmpty()) {
      return Resolution.not(
          "UnknownTargetKind",
          apiVersion
              + " has no kind "
              + kind
              + " (it has "
              + String.join(
                  ", ", kinds.stream().map(APIResource::getKind).distinct().sorted().toList())
              + "); fix spec.scaleTargetRef.kind, spelt as the API server spells it");
    }
    String scaleName = main.get().getName() + "/scale";
    if (resources.getResources().stream().noneMatch(r -> scaleName.equals(r.getName()))) {
      return Resolution.not(
          "TargetNotScalable",
          apiVersion
              + " "
              + kind
              + " has no /scale subresource, so it cannot be scaled; set spec.scaleTargetRef to a"
              + " Deployment, a StatefulSet or another kind with /scale");
    }
    ResourceDefinitionContext context =
        ResourceDefinitionContext.fromApiResource(apiVersion, main.get());
    discovered.put(key, context);
    return Resolution.of(context);
  }

  private static TargetObservation notFound(String namespace, ScaleTargetRef ref) {
    return new TargetObservation.Missing(
        "TargetNotFound",
        describe(ref)
            + " does not exist in namespace "
            + namespace
            + "; create it or fix spec.scaleTargetRef.name");
  }

  static String describe(ScaleTargetRef ref) {
    return ref.kindOrDefault() + "/" + ref.name();
  }

  private static int nullToZero(Integer value) {
    return value == null ? 0 : value;
  }
}
