package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;

/**
 * The object handed to the framework to patch status.
 *
 * <p>With server-side apply (the default), it carries identity and status only, so the operator's
 * field manager owns exactly the status fields it sets, and fields it stops setting are removed.
 * Without it (an API server that refuses apply patches), it is a copy of the observed resource with
 * the new status, from which a JSON patch of status is computed.
 */
final class StatusPatch {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StatusPatch() {}

  static ScaledApi of(ScaledApi observed, ScaledApiStatus status, boolean serverSideApply) {
    ScaledApi patch;
    if (serverSideApply) {
      patch = new ScaledApi();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(observed.getMetadata().getName())
              .withNamespace(observed.getMetadata().getNamespace())
              .build());
    } else {
      patch = SERIALIZATION.clone(observed);
    }
    patch.setStatus(status);
    return patch;
  }
}
