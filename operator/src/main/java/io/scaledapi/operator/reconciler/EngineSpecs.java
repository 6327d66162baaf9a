package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.Fallback;
import io.scaledapi.operator.engine.PolicyType;
import io.scaledapi.operator.engine.ScalingPolicy;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.ScalingSpec;
import io.scaledapi.operator.engine.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Maps the ScaledApi API onto the engine's own types, filling in the HPA's defaults. */
public final class EngineSpecs {
  private EngineSpecs() {}

  /** The engine's view of a spec that passed {@link SpecValidator}. */
  public static ScalingSpec from(ScaledApiSpec spec) {
    OptionalDouble latencyTarget =
        spec.latency() == null
            ? OptionalDouble.empty()
            : OptionalDouble.of(Durations.parse(spec.latency().target()).toNanos() / 1e9);
    ScalingRules up =
        rules(
            spec.behavior() == null ? null : spec.behavior().scaleUp(),
            ScalingRules.defaultScaleUp());
    ScalingRules down =
        rules(
            spec.behavior() == null ? null : spec.behavior().scaleDown(),
            ScalingRules.defaultScaleDown());
    return new ScalingSpec(
        spec.minReplicasOrDefault(),
        spec.maxReplicas(),
        spec.queue().targetPerReplica(),
        latencyTarget,
        spec.toleranceOrDefault(),
        new Behavior(up, down),
        fallback(spec.fallback()));
  }

  /** Each field left out takes the default direction's value, as the HPA does. */
  static ScalingRules rules(ScalingRulesSpec given, ScalingRules defaults) {
    if (given == null) {
      return defaults;
    }
    Duration window =
        given.stabilizationWindowSeconds() == null
            ? defaults.stabilizationWindow()
            : Duration.ofSeconds(given.stabilizationWindowSeconds());
    SelectPolicy select =
        given.selectPolicy() == null
            ? defaults.selectPolicy()
            : SelectPolicy.valueOf(given.selectPolicy().name());
    List<ScalingPolicy> policies =
        given.policies() == null || given.policies().isEmpty()
            ? defaults.policies()
            : given.policies().stream().map(EngineSpecs::policy).toList();
    return new ScalingRules(window, policies, select);
  }

  private static ScalingPolicy policy(ScalingPolicySpec p) {
    PolicyType type =
        p.type() == ScalingPolicySpec.PolicyType.PODS ? PolicyType.PODS : PolicyType.PERCENT;
    return new ScalingPolicy(type, p.value(), Duration.ofSeconds(p.periodSeconds()));
  }

  private static Fallback fallback(FallbackSpec f) {
    if (f == null) {
      return Fallback.none();
    }
    return new Fallback(
        f.failureThresholdOrDefault(),
        f.replicas() == null ? OptionalInt.empty() : OptionalInt.of(f.replicas()));
  }
}
