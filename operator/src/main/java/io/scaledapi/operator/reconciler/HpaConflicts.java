package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a HorizontalPodAutoscaler that already scales the same workload. */
public interface HpaConflicts {

  /** The name of an HPA in {@code namespace} targeting {@code ref}, if there is one. */
  Optional<String> find(String namespace, ScaleTargetRef ref);

  /** Lists HPAs through the API server. */
  static HpaConflicts kubernetes(KubernetesClient client) {
    Logger log = LoggerFactory.getLogger(HpaConflicts.class);
    return (namespace, ref) -> {
      try {
        return client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(namespace)
            .list()
            .getItems()
            .stream()
            .filter(hpa -> targets(hpa, ref))
            .map(hpa -> hpa.getMetadata().getName())
            .findFirst();
      } catch (KubernetesClientException e) {
        log.warn("cannot list HorizontalPodAutoscalers in {}: {}", namespace, e.getMessage());
        return Optional.empty();
      }
    };
  }

  private static boolean targets(HorizontalPodAutoscaler hpa, ScaleTargetRef ref) {
    if (hpa.getSpec() == null || hpa.getSpec().getScaleTargetRef() == null) {
      return false;
    }
    CrossVersionObjectReference target = hpa.getSpec().getScaleTargetRef();
    return ref.name().equals(target.getName()) && ref.kindOrDefault().equals(target.getKind());
  }
}
