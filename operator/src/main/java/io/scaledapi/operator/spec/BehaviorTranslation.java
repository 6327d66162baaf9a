package io.scaledapi.operator.spec;

import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.Fallback;
import io.scaledapi.operator.engine.PolicyType;
import io.scaledapi.operator.engine.ScalingPolicy;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code spec.behavior} and {@code spec.fallback} as the engine's types, with the HPA's defaults.
 */
final class BehaviorTranslation {
  private BehaviorTranslation() {}

  static Behavior of(BehaviorSpec behavior) {
    return new Behavior(
        rules(behavior == null ? null : behavior.scaleUp(), ScalingRules.defaultScaleUp()),
        rules(behavior == null ? null : behavior.scaleDown(), ScalingRules.defaultScaleDown()));
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
            : given.policies().stream().map(BehaviorTranslation::policy).toList();
    return new ScalingRules(window, policies, select);
  }

  private static ScalingPolicy policy(ScalingPolicySpec p) {
    PolicyType type =
        p.type() == ScalingPolicySpec.PolicyType.PODS ? PolicyType.PODS : PolicyType.PERCENT;
    return new ScalingPolicy(type, p.value(), Duration.ofSeconds(p.periodSeconds()));
  }

  static Fallback fallback(FallbackSpec f) {
    if (f == null) {
      return Fallback.none();
    }
    return new Fallback(
        f.failureThresholdOrDefault(),
        f.replicas() == null ? OptionalInt.empty() : OptionalInt.of(f.replicas()));
  }
}
