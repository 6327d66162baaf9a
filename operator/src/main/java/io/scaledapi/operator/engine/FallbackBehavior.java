package io.scaledapi.operator.engine;

/** Which count the fallback sets, by the names of KEDA's {@code fallback.behavior}. */
public enum FallbackBehavior {
  /** The fallback replicas, up or down. */
  STATIC("static"),
  /** The current count. */
  CURRENT_REPLICAS("currentReplicas"),
  /** The larger of the current count and the fallback replicas. */
  CURRENT_REPLICAS_IF_HIGHER("currentReplicasIfHigher"),
  /** The smaller of the current count and the fallback replicas. */
  CURRENT_REPLICAS_IF_LOWER("currentReplicasIfLower");

  private final String specName;

  FallbackBehavior(String specName) {
    this.specName = specName;
  }

  /** The name as a spec writes it. */
  public String specName() {
    return specName;
  }
}
