package io.scaledapi.operator.engine;

/** How a {@link ScalingPolicy} value is read: a number of pods or a percentage of replicas. */
public enum PolicyType {
  PODS,
  PERCENT
}
