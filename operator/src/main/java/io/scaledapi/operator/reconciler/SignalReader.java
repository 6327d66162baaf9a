package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.SignalStatus;
import io.scaledapi.api.v1alpha1.SignalsStatus;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.engine.Signals;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Instant;
import java.util.Optional;

/** Reads a ScaledApi's signals: queue depth, and latency and arrival rate when configured. */
public final class SignalReader {
  private final MetricsSources sources;
  private final OperatorMetrics metrics;

  public SignalReader(MetricsSources sources, OperatorMetrics metrics) {
    this.sources = sources;
    this.metrics = metrics;
  }

  /** What was read: the engine's view, and the status view. */
  /** Where this reader's queries go. */
  MetricsSources sources() {
    return sources;
  }

  public record Snapshot(
      Signals signals, Optional<SignalReading> arrivalRate, SignalsStatus status) {}

  public Snapshot read(ScaledApi scaledApi, Instant now) {
    ScaledApiSpec spec = scaledApi.getSpec();
    MetricsSource source;
    try {
      source = sources.sourceFor(scaledApi);
    } catch (MetricsSources.SourceConfigurationException e) {
      SignalReading failed = SignalReading.failed(e.getMessage());
      return snapshot(
          failed,
          spec.latency() == null ? Optional.empty() : Optional.of(failed),
          spec.arrivalRate() == null ? Optional.empty() : Optional.of(failed));
    }
    SignalReading queue = read(source, "queue", spec.queue().query(), now);
    Optional<SignalReading> latency =
        Optional.ofNullable(spec.latency()).map(l -> read(source, "latency", l.query(), now));
    Optional<SignalReading> arrival =
        Optional.ofNullable(spec.arrivalRate())
            .map(a -> read(source, "arrivalRate", a.query(), now));
    return snapshot(queue, latency, arrival);
  }

  private SignalReading read(MetricsSource source, String signal, String query, Instant now) {
    long start = System.nanoTime();
    QueryResult result = source.query(query, now);
    metrics.recordQuery(signal, result, System.nanoTime() - start);
    if (result instanceof QueryResult.Value value) {
      return SignalReading.of(value.value(), value.timestamp());
    }
    if (result instanceof QueryResult.MultipleSeries several) {
      // a mistake in the spec rather than an outage: name the field to fix
      return SignalReading.failed(several.describe("spec." + signal + ".query"));
    }
    return SignalReading.failed(result.describe());
  }

  private static Snapshot snapshot(
      SignalReading queue, Optional<SignalReading> latency, Optional<SignalReading> arrival) {
    SignalsStatus status =
        new SignalsStatus(
            toStatus(queue),
            latency.map(SignalReader::toStatus).orElse(null),
            arrival.map(SignalReader::toStatus).orElse(null));
    return new Snapshot(new Signals(queue, latency), arrival, status);
  }

  static SignalStatus toStatus(SignalReading reading) {
    if (reading.available()) {
      return new SignalStatus(
          reading.value().getAsDouble(),
          reading.sampledAt() == null ? null : reading.sampledAt().toString(),
          null);
    }
    return new SignalStatus(null, null, reading.failure());
  }
}
