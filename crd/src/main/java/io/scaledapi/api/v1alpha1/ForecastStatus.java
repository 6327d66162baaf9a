package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;

/** The last forecast of the arrival rate and what it would take to serve it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@SchemaCustomizer(IntegerFormats.class)
public record ForecastStatus(
    @JsonPropertyDescription("Forecast arrival rate at the horizon, in requests per second.")
        Double rate,
    @JsonPropertyDescription("Lower end of the forecast band, in requests per second.")
        Double lower,
    @JsonPropertyDescription(
            "Upper end of the forecast band (the confidence quantile), in requests per second:"
                + " what is provisioned for.")
        Double upper,
    @JsonPropertyDescription("How far ahead the forecast looks, e.g. 75s.") String horizon,
    @JsonPropertyDescription("When the forecast was made (RFC 3339).") String time,
    @JsonPropertyDescription("The forecasting model and the weight of each of its members.")
        String model,
    @JsonPropertyDescription(
            "Symmetric mean absolute percentage error of recent forecasts at about this"
                + " horizon, as a fraction between 0 and 2.")
        Double recentError,
    @Max(Integer.MAX_VALUE) @JsonPropertyDescription("Replicas the forecast needs at the horizon.")
        Integer replicas,
    @JsonPropertyDescription("Requests per second one ready replica serves, as used.")
        Double capacityPerReplica,
    @JsonPropertyDescription("Where capacityPerReplica comes from: Spec or Learned.")
        String capacitySource,
    @JsonPropertyDescription("Where the horizon comes from: Spec, Learned or Default.")
        String leadTimeSource) {}
