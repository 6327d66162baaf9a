package io.scaledapi.operator.engine;

/** Why the recommendation is what it is. */
public enum Reason {
  QUEUE_DEPTH("QueueDepth"),
  DEMAND("Demand"),
  LATENCY("Latency"),
  FORECAST("Forecast"),
  WITHIN_TOLERANCE("WithinTolerance"),
  METRICS_UNAVAILABLE("MetricsUnavailable"),
  FALLBACK("Fallback"),
  BELOW_MIN("BelowMinReplicas"),
  ABOVE_MAX("AboveMaxReplicas");

  private final String conditionReason;

  Reason(String conditionReason) {
    this.conditionReason = conditionReason;
  }

  /** The CamelCase reason for a Kubernetes condition. */
  public String conditionReason() {
    return conditionReason;
  }
}
