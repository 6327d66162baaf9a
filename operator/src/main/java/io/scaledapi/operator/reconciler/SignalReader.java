package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.SignalStatus;
import io.scaledapi.api.v1alpha1.SignalsStatus;
import io.scaledapi.operator.engine.SignalReading;
import io.scaledapi.operator.engine.Signals;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.spec.SignalQueries;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a ScaledApi's signals: queue depth, and latency, arrival rate and served rate when
 * configured.
 */
final class SignalReader {
  private final MetricsSources sources;
  private final OperatorMetrics metrics;

  public SignalReader(MetricsSources sources, OperatorMetrics metrics) {
    this.sources = sources;
    this.metrics = metrics;
  }

  /** Where this reader's queries go. */
  MetricsSources sources() {
    return sources;
  }

  /** What was read: the engine's view, the served rate (for the capacity learner), the status. */
  public record Snapshot(
      Signals signals, Optional<SignalReading> servedRate, SignalsStatus status) {}

  /** Sends {@code queries}, parsed from the ScaledApi's spec, to its source. */
  public Snapshot read(ScaledApi scaledApi, SignalQueries queries, Instant now) {
    MetricsSource source;
    try {
      source = sources.sourceFor(scaledApi);
    } catch (MetricsSources.SourceConfigurationException e) {
      SignalReading failed = SignalReading.failed(e.getMessage());
      return snapshot(
          new Signals(
              failed, queries.latency().map(q -> failed), queries.arrivalRate().map(q -> failed)),
          queries.servedRate().map(q -> failed));
    }
    SignalReading queue = read(source, "queue", queries.queue(), now);
    Optional<SignalReading> latency = queries.latency().map(q -> read(source, "latency", q, now));
    Optional<SignalReading> arrival =
        queries.arrivalRate().map(q -> read(source, "arrivalRate", q, now));
    Optional<SignalReading> served =
        queries.servedRate().map(q -> read(source, "servedRate", q, now));
    return snapshot(new Signals(queue, latency, arrival), served);
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

  private static Snapshot snapshot(Signals signals, Optional<SignalReading> served) {
    SignalsStatus status =
        new SignalsStatus(
            toStatus(signals.queueDepth()),
            signals.latency().map(SignalReader::toStatus).orElse(null),
            signals.arrivalRate().map(SignalReader::toStatus).orElse(null),
            served.map(SignalReader::toStatus).orElse(null));
    return new Snapshot(signals, served, status);
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
