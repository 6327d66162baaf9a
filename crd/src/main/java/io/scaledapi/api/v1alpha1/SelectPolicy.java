package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which of several policies applies, as the HPA's selectPolicy. */
public enum SelectPolicy {
  @JsonProperty("Max")
  MAX,
  @JsonProperty("Min")
  MIN,
  @JsonProperty("Disabled")
  DISABLED
}
