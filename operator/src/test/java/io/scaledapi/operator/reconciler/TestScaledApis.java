package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;

/** ScaledApi objects for tests: one named "api", scaling a Deployment named "api". */
final class TestScaledApis {
  private TestScaledApis() {}

  /** Min 1, max 10, one replica per 10 waiting requests, everything else left to defaults. */
  static ScaledApiSpec minimalSpec(PrometheusSpec prometheus) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        1,
        10,
        null,
        prometheus,
        new QueueSpec("sum(q)", 10.0),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static ScaledApi scaledApi(String namespace, ScaledApiSpec spec) {
    ScaledApi sapi = new ScaledApi();
    sapi.getMetadata().setName("api");
    sapi.getMetadata().setNamespace(namespace);
    sapi.setSpec(spec);
    return sapi;
  }
}
