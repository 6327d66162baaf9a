package io.scaledapi.operator.engine;

/** What, if anything, kept the desired count away from the recommendation. */
public enum Limit {
  NONE("DesiredWithinRange"),
  MIN_REPLICAS("TooFewReplicas"),
  MAX_REPLICAS("TooManyReplicas"),
  SCALE_UP_RATE("ScaleUpLimit"),
  SCALE_DOWN_RATE("ScaleDownLimit"),
  SCALE_DOWN_STABILIZATION("ScaleDownStabilized"),
  SCALE_UP_STABILIZATION("ScaleUpStabilized"),
  SCALING_DISABLED("ScalingDisabled"),
  SCALE_UP_PAUSED("ScaleUpPaused"),
  SCALE_DOWN_PAUSED("ScaleDownPaused");

  private final String conditionReason;

  Limit(String conditionReason) {
    this.conditionReason = conditionReason;
  }

  /** The CamelCase reason for a Kubernetes condition. */
  public String conditionReason() {
    return conditionReason;
  }
}
