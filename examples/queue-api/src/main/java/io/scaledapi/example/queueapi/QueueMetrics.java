package io.scaledapi.example.queueapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The API's metrics, named after Prometheus conventions once the registry renders them: {@code
 * api_queue_requests_waiting}, {@code api_requests_in_flight}, {@code api_workers}, {@code
 * api_requests_arrived_total}, {@code api_requests_rejected_total}, {@code
 * api_request_duration_seconds} (arrival to response, queue wait included) and {@code
 * api_queue_wait_seconds}. The gauges hold their state strongly: Micrometer holds it weakly by
 * default, and a collected state reads NaN from then on.
 */
final class QueueMetrics {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter arrived;
  private final Counter rejected;
  private final Timer duration;
  private final Timer queueWait;

  /** {@code queue} holds the requests waiting for a worker; {@code workers} counts the workers. */
  QueueMetrics(Collection<?> queue, IntSupplier workers) {
    Gauge.builder("api.queue.requests.waiting", queue, Collection::size)
        .description("Requests accepted and waiting in the queue for a worker")
        .strongReference(true)
        .register(registry);
    Gauge.builder("api.workers", workers, IntSupplier::getAsInt)
        .description("Requests that can be served at once")
        .strongReference(true)
        .register(registry);
    Gauge.builder("api.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Requests a worker is serving now")
        .strongReference(true)
        .register(registry);
    arrived =
        Counter.builder("api.requests.arrived")
            .description("Requests that arrived, accepted or not")
            .register(registry);
    rejected =
        Counter.builder("api.requests.rejected")
            .description("Requests answered 503 because the queue was full")
            .register(registry);
    duration = histogram("api.request.duration", "From arrival to response, queue wait included");
    queueWait = histogram("api.queue.wait", "From arrival until a worker took the request");
  }

  private Timer histogram(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  void arrived() {
    arrived.increment();
  }

  void rejected() {
    rejected.increment();
  }

  void started(Duration waited) {
    inFlight.incrementAndGet();
    queueWait.record(waited);
  }

  void finished(Duration sinceArrival) {
    inFlight.decrementAndGet();
    duration.record(sinceArrival);
  }

  int inFlight() {
    return inFlight.get();
  }

  double rejectedCount() {
    return rejected.count();
  }

  double arrivedCount() {
    return arrived.count();
  }

  String scrape() {
    return registry.scrape();
  }
}
