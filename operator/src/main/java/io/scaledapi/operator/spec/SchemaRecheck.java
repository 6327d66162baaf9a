package io.scaledapi.operator.spec;

import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.FallbackBehavior;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import java.time.Duration;
import java.util.List;

/**
 * The CRD schema's patterns, ranges and rules that {@link SpecParser} does not check itself,
 * checked again for objects that reached the operator without the schema (an API server that
 * skipped validation, an old CRD). Each problem names the field and the fix, as the schema does.
 */
final class SchemaRecheck {
  static final Duration MIN_TIMEOUT = Durations.parse(PrometheusSpec.MIN_TIMEOUT);
  static final Duration MAX_TIMEOUT = Durations.parse(PrometheusSpec.MAX_TIMEOUT);

  private SchemaRecheck() {}

  static void check(ScaledApiSpec spec, List<String> problems) {
    target(spec.scaleTargetRef(), problems);
    tolerance("spec.tolerance", spec.tolerance(), problems);
    Double utilization = spec.targetUtilization();
    if (utilization != null && !(utilization > 0 && utilization <= 1)) {
      problems.add(
          "spec.targetUtilization must be above 0 and at most 1, e.g. 0.7; got " + utilization);
    }
    if (spec.servedRate() != null && blank(spec.servedRate().query())) {
      problems.add(
          "spec.servedRate.query is required; give a PromQL query for requests served per second");
    }
    if (spec.latency() != null && blank(spec.latency().query())) {
      problems.add("spec.latency.query is required; give a PromQL query for a latency in seconds");
    }
    if (spec.arrivalRate() != null && blank(spec.arrivalRate().query())) {
      problems.add("spec.arrivalRate.query is required; give a PromQL query for requests/second");
    }
    Double confidence = spec.prediction() == null ? null : spec.prediction().confidence();
    if (confidence != null && confidence == 0.5) {
      // the bound is exclusive: the median leaves the forecaster no band; PredictionSettings
      // checks the rest of the range
      problems.add("spec.prediction.confidence must be greater than 0.5, e.g. 0.9; got 0.5");
    }
    fallback(spec.fallback(), problems);
    prometheus(spec.prometheus(), problems);
    BehaviorSpec behavior = spec.behavior();
    if (behavior != null) {
      rules("spec.behavior.scaleUp", behavior.scaleUp(), problems);
      rules("spec.behavior.scaleDown", behavior.scaleDown(), problems);
    }
  }

  private static void target(ScaleTargetRef ref, List<String> problems) {
    if (ref == null) {
      return;
    }
    if (!blank(ref.name()) && !ref.name().matches(ScaleTargetRef.NAME_PATTERN)) {
      problems.add(
          "spec.scaleTargetRef.name must be a Kubernetes object name (lower case letters, digits,"
              + " '-' and '.'); got "
              + ref.name());
    }
    if (!ref.kindOrDefault().matches(ScaleTargetRef.KIND_PATTERN)) {
      problems.add(
          "spec.scaleTargetRef.kind must be a kind as the API server spells it, e.g. Deployment;"
              + " got "
              + ref.kind());
    }
    if (!ref.apiVersionOrDefault().matches(ScaleTargetRef.API_VERSION_PATTERN)) {
      problems.add(
          "spec.scaleTargetRef.apiVersion must be group/version, or v1 for the core group, e.g."
              + " apps/v1; got "
              + ref.apiVersion());
    }
  }

  private static void fallback(FallbackSpec fallback, List<String> problems) {
    if (fallback == null) {
      return;
    }
    Integer threshold = fallback.failureThreshold();
    if (threshold != null && threshold < 1) {
      problems.add("spec.fallback.failureThreshold must be at least 1, e.g. 3");
    } else if (threshold != null && threshold > FallbackSpec.MAX_FAILURE_THRESHOLD) {
      problems.add(
          "spec.fallback.failureThreshold must be at most "
              + FallbackSpec.MAX_FAILURE_THRESHOLD
              + ", e.g. 3; got "
              + threshold);
    }
    if (fallback.replicas() != null && fallback.replicas() < 0) {
      problems.add("spec.fallback.replicas must not be negative");
    } else if (fallback.replicas() != null && fallback.replicas() > ScaledApiSpec.MAX_REPLICAS) {
      problems.add(
          "spec.fallback.replicas must be at most "
              + ScaledApiSpec.MAX_REPLICAS
              + "; got "
              + fallback.replicas());
    }
    FallbackBehavior behavior = fallback.behavior();
    if (behavior != null
        && behavior != FallbackBehavior.CURRENT_REPLICAS
        && fallback.replicas() == null) {
      problems.add(
          "spec.fallback.behavior static, currentReplicasIfHigher and currentReplicasIfLower need"
              + " spec.fallback.replicas: set it, or use behavior currentReplicas");
    }
  }

  private static void prometheus(PrometheusSpec p, List<String> problems) {
    if (p == null) {
      return;
    }
    if (p.address() != null && !p.address().matches(PrometheusSpec.ADDRESS_PATTERN)) {
      problems.add(
          "spec.prometheus.address must be an http:// or https:// URL, e.g."
              + " http://prometheus.monitoring:9090; got "
              + p.address());
    }
    if (p.timeout() != null) {
      String outOfRange =
          String.format(
              "spec.prometheus.timeout must be between %s and %s, e.g. 5s; got %s",
              PrometheusSpec.MIN_TIMEOUT, PrometheusSpec.MAX_TIMEOUT, p.timeout());
      try {
        Duration timeout = Durations.parse(p.timeout());
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
          problems.add(outOfRange);
        }
      } catch (Durations.TooLong e) {
        problems.add(outOfRange);
      } catch (IllegalArgumentException e) {
        problems.add("spec.prometheus.timeout: " + e.getMessage());
      }
    }
    PrometheusAuthSpec auth = p.auth();
    if (auth != null && (auth.bearer() == null) == (auth.basic() == null)) {
      problems.add("spec.prometheus.auth: set exactly one of bearer or basic");
    }
    if (auth != null && auth.bearer() != null && blank(auth.bearer().secretName())) {
      problems.add("spec.prometheus.auth.bearer.secretName is required; name the Secret");
    }
    if (auth != null && auth.basic() != null && blank(auth.basic().secretName())) {
      problems.add("spec.prometheus.auth.basic.secretName is required; name the Secret");
    }
    CaSource ca = p.tls() == null ? null : p.tls().ca();
    if (ca != null && blank(ca.secretName()) == blank(ca.configMapName())) {
      problems.add("spec.prometheus.tls.ca: set exactly one of secretName or configMapName");
    }
  }

  private static void tolerance(String field, Double tolerance, List<String> problems) {
    if (tolerance != null && !(tolerance >= 0 && tolerance <= 1)) {
      problems.add(field + " must be between 0 and 1, e.g. 0.1; got " + tolerance);
    }
  }

  private static void rules(String field, ScalingRulesSpec rules, List<String> problems) {
    if (rules == null) {
      return;
    }
    tolerance(field + ".tolerance", rules.tolerance(), problems);
    Integer window = rules.stabilizationWindowSeconds();
    if (window != null && (window < 0 || window > 3600)) {
      problems.add(field + ".stabilizationWindowSeconds must be between 0 and 3600; got " + window);
    }
    List<ScalingPolicySpec> policies = rules.policies();
    if (policies != null && (policies.isEmpty() || policies.size() > 10)) {
      problems.add(field + ".policies must have 1 to 10 policies, or be left out");
    }
    for (int i = 0; policies != null && i < policies.size(); i++) {
      ScalingPolicySpec p = policies.get(i);
      String at = field + ".policies[" + i + "]";
      if (p == null) {
        problems.add(at + " must be a policy: type, value and periodSeconds");
        continue;
      }
      if (p.type() == null) {
        problems.add(at + ".type is required: Pods or Percent");
      }
      if (p.value() == null || p.value() < 1) {
        problems.add(at + ".value must be at least 1");
      } else if (p.value() > ScaledApiSpec.MAX_REPLICAS) {
        problems.add(at + ".value must be at most " + ScaledApiSpec.MAX_REPLICAS);
      }
      if (p.periodSeconds() == null || p.periodSeconds() < 1 || p.periodSeconds() > 1800) {
        problems.add(at + ".periodSeconds must be between 1 and 1800, e.g. 15");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
