package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.util.List;

/** The ScaledApis of a namespace, as the operator's informer holds them: no API call. */
interface ScaledApiPeers {

  List<ScaledApi> inNamespace(String namespace);

  /** Hands over the framework's cache of ScaledApis once it exists; fakes ignore it. */
  default void bind(IndexedResourceCache<ScaledApi> cache) {}

  /** Reads the framework's cache, bound when the reconciler is registered. */
  static ScaledApiPeers primaryCache() {
    return new ScaledApiPeers() {
      private volatile IndexedResourceCache<ScaledApi> cache;

      @Override
      public List<ScaledApi> inNamespace(String namespace) {
        if (cache == null) {
          throw new IllegalStateException("the ScaledApi cache is not bound yet");
        }
        return cache.list(namespace).toList();
      }

      @Override
      public void bind(IndexedResourceCache<ScaledApi> primary) {
        this.cache = primary;
      }
    };
  }
}
