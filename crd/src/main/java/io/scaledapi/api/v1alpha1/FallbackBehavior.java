package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which replica count the fallback sets, with the names and meaning of KEDA's {@code
 * fallback.behavior}. Only {@code static} and {@code currentReplicasIfLower} can lower replicas,
 * and only because the spec asks for it.
 */
public enum FallbackBehavior {
  /** {@code fallback.replicas}, higher or lower than what runs. */
  @JsonProperty("static")
  STATIC,
  /** What runs: hold the current count. */
  @JsonProperty("currentReplicas")
  CURRENT_REPLICAS,
  /** The larger of what runs and {@code fallback.replicas}: never lowers. */
  @JsonProperty("currentReplicasIfHigher")
  CURRENT_REPLICAS_IF_HIGHER,
  /** The smaller of what runs and {@code fallback.replicas}: never raises. */
  @JsonProperty("currentReplicasIfLower")
  CURRENT_REPLICAS_IF_LOWER
}
