package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Predictive pre-scaling: the arrival rate is forecast one lead time ahead and the target is given
 * the replicas that forecast needs, on top of what the reactive signals ask for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.leadTime) || self.leadTime == 'auto'"
            + " || !self.leadTime.matches('"
            + Durations.PATTERN
            + "') || (duration(self.leadTime) >= duration('1s')"
            + " && duration(self.leadTime) <= duration('1h'))",
    message = "leadTime must be auto or a duration between 1s and 1h, for example 90s",
    fieldPath = ".leadTime",
    reason = "FieldValueInvalid")
@ValidationRule(
    value =
        "!has(self.capacityPerReplica) || (type(self.capacityPerReplica) == int"
            + " ? int(self.capacityPerReplica) > 0"
            + " && int(self.capacityPerReplica) <= 2147483647"
            + " : (self.capacityPerReplica == 'auto'"
            + " || self.capacityPerReplica.matches('^[0-9]+(\\\\.[0-9]+)?$')))",
    message =
        "capacityPerReplica must be auto or a positive number of requests per second, for"
            + " example 50 or \"12.5\"",
    fieldPath = ".capacityPerReplica",
    reason = "FieldValueInvalid")
// a rule rather than minimum and maximum: kube-apiserver prints a maximum of 0.999 as 0 to a
// client that sends a whole number
@ValidationRule(
    value = "!has(self.confidence) || (self.confidence > 0.5 && self.confidence <= 0.999)",
    message = "confidence must be a quantile above 0.5 and at most 0.999, for example 0.9",
    fieldPath = ".confidence",
    reason = "FieldValueInvalid")
public record PredictionSpec(
    @Default("true")
        @JsonPropertyDescription(
            "Turns prediction on; set false to keep the settings but stop forecasting."
                + " Defaults to true.")
        Boolean enabled,
    @Default("auto")
        @Pattern(PredictionSpec.LEAD_TIME_PATTERN)
        @JsonPropertyDescription(
            "How far ahead to forecast: about one pod start-up. A duration such as 90s, or auto"
                + " to learn it from how long scale-ups take to become ready (plus the polling"
                + " interval). Defaults to auto.")
        String leadTime,
    @Default("7d")
        @Pattern(Durations.LONG_PATTERN)
        @JsonPropertyDescription(
            "How much arrival-rate history to read from Prometheus to warm the forecaster on"
                + " start, e.g. 7d. Between 1h and 90d; defaults to 7d.")
        String history,
    @Default("24h")
        @Pattern(Durations.LONG_PATTERN)
        @JsonPropertyDescription(
            "Length of the traffic's cycle: 24h for a daily cycle, 7d for a weekly one. Between"
                + " 1h and 28d; defaults to 24h.")
        String seasonLength,
    @Default("0.9")
        @JsonPropertyDescription(
            "Quantile of the forecast to provision for, above 0.5 (the median) and at most"
                + " 0.999; defaults to 0.9.")
        Double confidence,
    @JsonPropertyDescription(
            "Requests per second one ready replica serves: a number, or auto to learn it from"
                + " the throughput seen while the queue is non-empty. Until it is known the"
                + " forecast is reported but not acted on. Defaults to auto.")
        IntOrString capacityPerReplica,
    @Default("Enforce")
        @JsonPropertyDescription(
            "Enforce provisions for the forecast; ForecastOnly only reports it. Defaults to"
                + " Enforce.")
        PredictionMode mode) {

  /** {@code auto} or a duration. */
  public static final String LEAD_TIME_PATTERN = "^(auto|([0-9]+(ms|s|m|h))+)$";

  public static final String AUTO = "auto";
  public static final String DEFAULT_HISTORY = "7d";
  public static final String DEFAULT_SEASON_LENGTH = "24h";
  public static final double DEFAULT_CONFIDENCE = 0.9;

  public boolean enabledOrDefault() {
    return !Boolean.FALSE.equals(enabled);
  }

  public String leadTimeOrDefault() {
    return leadTime == null ? AUTO : leadTime;
  }

  public String historyOrDefault() {
    return history == null ? DEFAULT_HISTORY : history;
  }

  public String seasonLengthOrDefault() {
    return seasonLength == null ? DEFAULT_SEASON_LENGTH : seasonLength;
  }

  public double confidenceOrDefault() {
    return confidence == null ? DEFAULT_CONFIDENCE : confidence;
  }

  public PredictionMode modeOrDefault() {
    return mode == null ? PredictionMode.ENFORCE : mode;
  }
}
