package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether decisions are applied to the target. */
public enum Mode {
  /** Scale the target. */
  @JsonProperty("Enforce")
  ENFORCE,
  /** Decide and report in status and events, but never write to the target. */
  @JsonProperty("DryRun")
  DRY_RUN
}
