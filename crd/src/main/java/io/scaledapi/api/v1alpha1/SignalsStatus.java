package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The signals read at the last poll; a signal that failed keeps its error and no value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignalsStatus(
    @JsonPropertyDescription("Requests waiting in the queue.") SignalStatus queueDepth,
    @JsonPropertyDescription("Latency in seconds.") SignalStatus latency,
    @JsonPropertyDescription("Arrivals in requests per second.") SignalStatus arrivalRate,
    @JsonPropertyDescription("Requests served per second.") SignalStatus servedRate) {

  /** Signals without a served rate. */
  public SignalsStatus(SignalStatus queueDepth, SignalStatus latency, SignalStatus arrivalRate) {
    this(queueDepth, latency, arrivalRate, null);
  }
}
