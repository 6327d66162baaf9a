package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the forecast takes part in the decision. */
public enum PredictionMode {
  /** Provision for the forecast: desired is at least what the forecast needs. */
  @JsonProperty("Enforce")
  ENFORCE,
  /** Forecast and report in status only; decisions are the reactive ones. */
  @JsonProperty("ForecastOnly")
  FORECAST_ONLY
}
