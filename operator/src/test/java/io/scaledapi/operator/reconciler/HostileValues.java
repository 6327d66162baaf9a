package io.scaledapi.operator.reconciler;

import java.util.List;
import java.util.Map;

/**
 * The fields of a ScaledApi by JSON type, and values each field refuses, for {@link
 * HostileScaledApis}.
 */
final class HostileValues {
  private HostileValues() {}

  static final List<String> INTS =
      List.of(
          "spec.minReplicas",
          "spec.maxReplicas",
          "spec.fallback.failureThreshold",
          "spec.fallback.replicas",
          "spec.behavior.scaleUp.policies[0].value",
          "spec.behavior.scaleUp.policies[0].periodSeconds",
          "spec.behavior.scaleUp.stabilizationWindowSeconds",
          "spec.behavior.scaleDown.stabilizationWindowSeconds");
  static final List<String> STRINGS =
      List.of(
          "spec.pollingInterval",
          "spec.queue.query",
          "spec.latency.query",
          "spec.latency.target",
          "spec.arrivalRate.query",
          "spec.scaleTargetRef.name",
          "spec.scaleTargetRef.kind",
          "spec.prometheus.address",
          "spec.prometheus.timeout",
          "spec.prediction.leadTime",
          "spec.prediction.history",
          "spec.prediction.seasonLength");
  static final List<String> NUMBERS =
      List.of("spec.queue.targetPerReplica", "spec.tolerance", "spec.prediction.confidence");
  static final List<String> BOOLEANS = List.of("spec.paused", "spec.prediction.enabled");
  static final List<String> ENUMS =
      List.of(
          "spec.mode",
          "spec.prediction.mode",
          "spec.behavior.scaleUp.selectPolicy",
          "spec.behavior.scaleUp.policies[0].type");
  static final List<String> OBJECTS =
      List.of(
          "spec.queue",
          "spec.scaleTargetRef",
          "spec.behavior",
          "spec.behavior.scaleUp",
          "spec.behavior.scaleUp.policies[0]",
          "spec.fallback",
          "spec.prometheus",
          "spec.prometheus.auth.bearer",
          "spec.prometheus.tls.ca",
          "spec.latency",
          "spec.arrivalRate",
          "spec.prediction");
  static final List<String> QUERIES =
      List.of("spec.queue.query", "spec.latency.query", "spec.arrivalRate.query");

  /** Durations no field accepts: malformed, or longer than any duration. */
  static final List<String> BAD_DURATIONS =
      List.of("3000000000000000h", "99999999999999999999s", "", "-1s", "15", "1.5s", "fast");

  /** Durations out of each field's range. */
  static final Map<String, List<String>> OUT_OF_RANGE_DURATIONS =
      Map.of(
          "spec.pollingInterval", List.of("0s", "2h", "999ms"),
          "spec.prometheus.timeout", List.of("10m", "1ms"),
          "spec.latency.target", List.of("0s", "0ms"),
          "spec.prediction.leadTime", List.of("0s", "2h"),
          "spec.prediction.history", List.of("5m", "100d"),
          "spec.prediction.seasonLength", List.of("30m", "30d"));

  /** Values out of each field's range or pattern. */
  static final Map<String, List<Object>> OUT_OF_RANGE =
      Map.of(
          "spec.queue.targetPerReplica", List.of(0, -1.5, -0.0),
          "spec.tolerance", List.of(-0.1, 1.5e3),
          "spec.prediction.confidence", List.of(0.2, 1.5),
          "spec.prediction.capacityPerReplica", List.of(0, -5, "abc", 3_000_000_000L, 2.5),
          "spec.prometheus.address", List.of("ftp://x", "prometheus:9090", " "),
          "spec.scaleTargetRef.name", List.of("Checkout", "a b", "-x"),
          "spec.scaleTargetRef.kind", List.of("deployment", "a b", "Deploy-ment"),
          "spec.scaleTargetRef.apiVersion", List.of("apps", "apps/", "v1beta"));
}
