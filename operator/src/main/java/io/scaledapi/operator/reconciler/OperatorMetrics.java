package io.scaledapi.operator.reconciler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's own metrics. Names follow Prometheus conventions once exported: {@code
 * scaledapi_reconciles_total}, {@code scaledapi_decisions_total}, {@code
 * scaledapi_prometheus_query_duration_seconds}, {@code scaledapi_scale_events_total}, {@code
 * scaledapi_desired_replicas}, {@code scaledapi_forecast_requests_per_second}, {@code
 * scaledapi_poll_lateness_seconds}, {@code scaledapi_events_dropped_total}.
 */
public final class OperatorMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> desired = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> forecasts = new ConcurrentHashMap<>();

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One reconcile ended; {@code result} is success or error. */
  public void reconciled(String result) {
    Counter.builder("scaledapi.reconciles")
        .description("Reconciles of ScaledApi resources, by result.")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /** One decision of the engine, by its reason. */
  public void decided(String namespace, String name, String reason, int desiredReplicas) {
    Counter.builder("scaledapi.decisions")
        .description("Scaling decisions, by reason.")
        .tag("reason", reason)
        .register(registry)
        .increment();
    desired
        .computeIfAbsent(
            namespace + "/" + name,
            key -> {
              AtomicInteger holder = new AtomicInteger();
              registry.gauge(
                  "scaledapi.desired.replicas",
                  Tags.of("namespace", namespace, "scaledapi", name),
                  holder);
              return holder;
            })
        .set(desiredReplicas);
  }

  /** The last forecast of a ScaledApi: the point forecast and the upper end provisioned for. */
  public void forecast(String namespace, String name, double rate, double upper) {
    forecastGauge(namespace, name, "point").set(Double.doubleToLongBits(rate));
    forecastGauge(namespace, name, "upper").set(Double.doubleToLongBits(upper));
  }

  private AtomicLong forecastGauge(String namespace, String name, String band) {
    return forecasts.computeIfAbsent(
        namespace + "/" + name + "/" + band,
        key -> {
          AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
          Gauge.builder("scaledapi.forecast", bits, b -> Double.longBitsToDouble(b.get()))
              .description("Forecast arrival rate at the lead time, by band (point or upper).")
              .baseUnit("requests.per.second")
              .tags(Tags.of("namespace", namespace, "scaledapi", name, "band", band))
              .register(registry);
          return bits;
        });
  }

  /** Removes the gauges of a deleted ScaledApi, so that its series end. */
  public void forget(String namespace, String name) {
    desired.remove(namespace + "/" + name);
    forecasts.keySet().removeIf(key -> key.startsWith(namespace + "/" + name + "/"));
    for (String gauge : List.of("scaledapi.desired.replicas", "scaledapi.forecast")) {
      registry
          .find(gauge)
          .tags("namespace", namespace, "scaledapi", name)
          .meters()
          .forEach(registry::remove);
    }
  }

  /** One write of a target's /scale, up or down, that succeeded or failed. */
  public void scaled(String direction, boolean succeeded) {
    Counter.builder("scaledapi.scale.events")
        .description("Writes of a target's replicas, by direction and result.")
        .tag("direction", direction)
        .tag("result", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }

  /** Counts an Event dropped because too many waited to be sent; registered at once. */
  public Runnable eventDropped() {
    Counter dropped =
        Counter.builder("scaledapi.events.dropped")
            .description("Events not written because too many waited to be sent.")
            .register(registry);
    return dropped::increment;
  }

  /** One Prometheus query, with its outcome and duration. */
  public void recordQuery(String signal, QueryResult result, long nanos) {
    Timer.builder("scaledapi.prometheus.query.duration")
        .description("Duration of Prometheus queries, by signal and outcome.")
        .tag("signal", signal)
        .tag("outcome", outcome(result))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A poll started {@code lateness} after it was due (its previous start plus the polling
   * interval): the previous poll's own duration, as the next is scheduled one interval after it
   * ends, plus any wait for a free reconcile thread. A bucket ends at exactly 1 s.
   */
  public void pollLate(Duration lateness) {
    Timer.builder("scaledapi.poll.lateness")
        .description("How long after it was due each poll of a ScaledApi started.")
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofSeconds(1))
        .maximumExpectedValue(Duration.ofMinutes(2))
        .register(registry)
        .record(lateness);
  }

  private static String outcome(QueryResult result) {
    if (result instanceof QueryResult.Value) {
      return "value";
    }
    if (result instanceof QueryResult.Failure failure) {
      return failure.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return result.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
