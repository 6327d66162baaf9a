package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.api.v1alpha1.SelectPolicy;
import java.util.List;

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

  /**
   * {@link #minimalSpec} polling every {@code polling}, each query timing out after {@code
   * timeout}.
   */
  static ScaledApiSpec minimalSpec(String polling, String timeout) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        1,
        10,
        polling,
        new PrometheusSpec(null, null, null, timeout),
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

  /** Scale-up without a window, up to 100 pods per 15 s: tests see one decision at once. */
  static BehaviorSpec fastScaleUp() {
    return new BehaviorSpec(
        new ScalingRulesSpec(
            0,
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PODS, 100, 15))),
        null);
  }

  /** Polling every second, 1 to {@code max} replicas of Deployment "api", fast scale-up. */
  static ScaledApiSpec predicting(
      String queueQuery, String arrivalQuery, int max, PredictionSpec prediction) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        1,
        max,
        "1s",
        null,
        new QueueSpec(queueQuery, 10.0),
        null,
        new ArrivalRateSpec(arrivalQuery),
        prediction,
        fastScaleUp(),
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
