package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.api.v1alpha1.SelectPolicy;
import io.scaledapi.api.v1alpha1.ServedRateSpec;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.OursPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The three autoscalers of a side-by-side run, each configured as its users would and as the
 * simulator models it: a target of 70% of a pod's capacity, the HPA's default behavior, {@link
 * #MAX_REPLICAS}. Durations are compressed by the run's {@link TimeScale}; at factor 1 the HPA and
 * KEDA get no {@code behavior} at all (their defaults), otherwise the defaults compressed.
 */
final class Contenders {
  static final String HPA = "hpa";
  static final String KEDA = "keda";
  static final String OURS = "ours";
  static final List<String> NAMES = List.of(HPA, KEDA, OURS);

  static final int MAX_REPLICAS = 20;
  static final double TARGET_UTILIZATION = 0.7;

  /** The custom metric prometheus-adapter serves for the HPA: the arrival rate of a Deployment. */
  static final String ARRIVAL_RATE_METRIC = "api_requests_arrival_rate";

  /** Our queue query: the requests waiting. */
  static final String WAITING_QUERY = "sum(api_queue_requests_waiting)";

  /** kube-controller-manager's defaults, compressed. */
  static final Duration HPA_SYNC_PERIOD = Duration.ofSeconds(15);

  static final Duration HPA_DOWNSCALE_STABILIZATION = Duration.ofMinutes(5);
  static final Duration HPA_POLICY_PERIOD = Duration.ofSeconds(15);
  static final Duration KEDA_POLLING = Duration.ofSeconds(30);
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private final TimeScale scale;

  Contenders(TimeScale scale) {
    this.scale = scale;
  }

  /** The flags kube-controller-manager runs the HPA controller with. */
  List<String> controllerManagerFlags() {
    return List.of(
        "--horizontal-pod-autoscaler-sync-period=" + TimeScale.text(scale.of(HPA_SYNC_PERIOD)),
        "--horizontal-pod-autoscaler-downscale-stabilization="
            + TimeScale.text(scale.of(HPA_DOWNSCALE_STABILIZATION)));
  }

  static double target() {
    return TARGET_UTILIZATION * Lane.CAPACITY_PER_POD;
  }

  /** prometheus-adapter's rule: the arrival rate of each Deployment, as an object metric. */
  String prometheusAdapterConfig() {
    return """
        rules:
          - seriesQuery: 'api_requests_arrived_total{namespace!="",deployment!=""}'
            resources:
              overrides:
                namespace: {resource: namespace}
                deployment: {group: apps, resource: deployment}
            name:
              matches: ^api_requests_arrived_total$
              as: %s
            metricsQuery: 'sum(rate(<<.Series>>{<<.LabelMatchers>>}[%s])) by (<<.GroupBy>>)'
        """
        .formatted(ARRIVAL_RATE_METRIC, TimeScale.text(scale.of(RATE_WINDOW)));
  }

  /** The HPA on the arrival rate per replica, through prometheus-adapter. */
  HorizontalPodAutoscaler hpa() {
    String yaml =
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: %1$s
          namespace: %1$s
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
          minReplicas: 1
          maxReplicas: %2$d
          metrics:
            - type: Object
              object:
                describedObject: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
                metric: {name: %3$s}
                target: {type: AverageValue, averageValue: "%4$s"}
        %5$s"""
            .formatted(HPA, MAX_REPLICAS, ARRIVAL_RATE_METRIC, quantity(target()), behavior("  "));
    return Serialization.unmarshal(yaml, HorizontalPodAutoscaler.class);
  }

  /** The ScaledObject on the queue (waiting and in service) per replica. */
  GenericKubernetesResource scaledObject(URI prometheus) {
    String advanced =
        scale.factor() == 1
            ? ""
            : "  advanced:\n    horizontalPodAutoscalerConfig:\n" + behavior("      ");
    String yaml =
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: %1$s
          namespace: %1$s
        spec:
          scaleTargetRef: {name: %1$s}
          pollingInterval: %2$d
          minReplicaCount: 1
          maxReplicaCount: %3$d
          triggers:
            - type: prometheus
              metadata:
                serverAddress: %4$s
                query: sum(api_queue_requests_waiting{namespace="%1$s"}) + sum(api_requests_in_flight{namespace="%1$s"})
                threshold: "%5$s"
        %6$s"""
            .formatted(
                KEDA,
                scale.seconds(KEDA_POLLING),
                MAX_REPLICAS,
                prometheus,
                quantity(target()),
                advanced);
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }

  /**
   * The ScaledApi {@code simulate} runs by default (its queries confined to the lane's namespace by
   * the operator), with durations compressed, but for its queue query: it counts the requests
   * waiting alone, as README's example does. The operator learns a replica's capacity while the
   * queue signal shows requests waiting; a signal that counts requests in service too shows them at
   * any load, and capacity is then learned from replicas that were not busy.
   */
  ScaledApi scaledApi(ClusterSpec cluster) {
    ScaledApiSpec spec = OursPolicy.defaultSpec(cluster);
    ScaledApi sapi = new ScaledApi();
    sapi.getMetadata().setName(OURS);
    sapi.getMetadata().setNamespace(OURS);
    sapi.setSpec(
        new ScaledApiSpec(
                new ScaleTargetRef("apps/v1", "Deployment", OURS),
                spec.minReplicas(),
                spec.maxReplicas(),
                TimeScale.text(scale.of(Duration.ofSeconds(15))),
                spec.prometheus(),
                new QueueSpec(WAITING_QUERY, spec.queue().targetPerReplica()),
                spec.latency(),
                new ArrivalRateSpec(window(spec.arrivalRate().query())),
                spec.prediction(),
                scale.factor() == 1 ? spec.behavior() : oursBehavior(),
                spec.tolerance(),
                spec.fallback(),
                spec.mode(),
                spec.paused())
            .withCapacitySignals(
                new ServedRateSpec(window(spec.servedRate().query())), spec.targetUtilization()));
    return sapi;
  }

  /** {@code query} with its one-minute rate window compressed. */
  private String window(String query) {
    return query.replace("[1m]", "[" + TimeScale.text(scale.of(RATE_WINDOW)) + "]");
  }

  /** The HPA's default behavior, compressed, as YAML under {@code behavior:}; none at factor 1. */
  private String behavior(String indent) {
    if (scale.factor() == 1) {
      return "";
    }
    int period = scale.seconds(HPA_POLICY_PERIOD);
    String text =
        """
        behavior:
          scaleUp:
            stabilizationWindowSeconds: 0
            selectPolicy: Max
            policies:
              - {type: Percent, value: 100, periodSeconds: %1$d}
              - {type: Pods, value: 4, periodSeconds: %1$d}
          scaleDown:
            stabilizationWindowSeconds: %2$d
            selectPolicy: Max
            policies:
              - {type: Percent, value: 100, periodSeconds: %1$d}
        """
            .formatted(period, scale.seconds(HPA_DOWNSCALE_STABILIZATION));
    return text.lines().map(l -> indent + l + "\n").reduce("", String::concat);
  }

  private BehaviorSpec oursBehavior() {
    int period = scale.seconds(HPA_POLICY_PERIOD);
    return new BehaviorSpec(
        new ScalingRulesSpec(
            0,
            SelectPolicy.MAX,
            List.of(
                new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PERCENT, 100, period),
                new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PODS, 4, period))),
        new ScalingRulesSpec(
            scale.seconds(HPA_DOWNSCALE_STABILIZATION),
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PERCENT, 100, period))));
  }

  private static String quantity(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
