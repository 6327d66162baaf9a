package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.lang.reflect.Proxy;

/**
 * The reconcile context of a ScaledApi that exists: the reconciler asks it only whether the
 * resource was deleted; any other question fails the test.
 */
final class FakeContext {
  private FakeContext() {}

  @SuppressWarnings("unchecked")
  static Context<ScaledApi> live() {
    return (Context<ScaledApi>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "isPrimaryResourceDeleted", "isPrimaryResourceFinalStateUnknown" -> false;
                  case "toString" -> "live context";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
