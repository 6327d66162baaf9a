package io.scaledapi.operator.spec;

import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.engine.Behavior;
import io.scaledapi.operator.engine.Fallback;
import io.scaledapi.operator.engine.FallbackBehavior;
import io.scaledapi.operator.engine.PolicyType;
import io.scaledapi.operator.engine.ScalingPolicy;
import io.scaledapi.operator.engine.ScalingRules;
import io.scaledapi.operator.engine.SelectPolicy;
import io.scaledapi.operator.engine.Tolerance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code spec.behavior}, the tolerances and {@code spec.fallback} as the engine's types, with the
 * HPA's and KEDA's defaults.
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

  /**
   * Each direction's tolerance: its own ({@code behavior.scaleUp.tolerance}, {@code
   * scaleDown.tolerance}), else the deprecated {@code spec.tolerance}, else the HPA's 0.1.
   */
  static Tolerance tolerance(ScaledApiSpec spec) {
    BehaviorSpec behavior = spec.behavior();
    double shared = spec.toleranceOrDefault();
    return new Tolerance(
        own(behavior == null ? null : behavior.scaleUp(), shared),
        own(behavior == null ? null : behavior.scaleDown(), shared));
  }

  private static double own(ScalingRulesSpec rules, double shared) {
    return rules == null || rules.tolerance() == null ? shared : rules.tolerance();
  }

  static Optional<Fallback> fallback(FallbackSpec f) {
    if (f == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Fallback(
            f.failureThresholdOrDefault(),
            FallbackBehavior.valueOf(f.behaviorOrDefault().name()),
            f.replicas() == null ? OptionalInt.empty() : OptionalInt.of(f.replicas())));
  }
}
