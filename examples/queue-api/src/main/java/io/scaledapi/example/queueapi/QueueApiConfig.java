package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.Set;

/**
 * How the API runs: {@code workers} serve requests one at a time each, taking {@code serviceTime};
 * up to {@code queueCapacity} more wait in FIFO order; beyond that the API answers 503. With {@code
 * admin}, {@code PUT /admin/workers} changes the number of workers while it runs.
 */
public record QueueApiConfig(
    int workers,
    Duration serviceTime,
    int queueCapacity,
    String bindAddress,
    int port,
    boolean admin) {

  /** What {@code --help} prints: every flag, its default and its meaning. */
  static final String USAGE =
      """
      Usage: java -jar <jar> [flags]
        <jar> is examples/queue-api/target/scaledapi-example-queue-api-<version>-all.jar

      An HTTP API with a bounded FIFO queue in front of a pool of workers. GET /work
      waits in the queue, is served by a worker for --service-time, and answers 200;
      when the queue is full it answers 503 at once. GET /metrics is in Prometheus
      text format, GET /healthz answers ok.

        --workers N          requests served at once (default 4)
        --service-time D     how long a worker takes per request: 0ms, 50ms, 2s
                             (default 50ms)
        --queue-capacity N   requests that may wait; beyond that, 503 (default 1000)
        --port P             port to listen on, 0 for any free one (default 8080)
        --bind ADDRESS       address to listen on (default 0.0.0.0)
        --admin BOOL         true to serve PUT /admin/workers, whose body is the
                             new number of workers, GET /admin/workers, and
                             GET /admin/waits: every queue wait so far, one
                             '<milliseconds> <count>' line per millisecond
                             (default false)

        -h, --help           print this help and exit

      Exit status: 2 for a bad flag; otherwise it runs until stopped.
      """;

  public QueueApiConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "--queue-capacity must be at least 1, not " + queueCapacity);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
    }
    if (serviceTime.isNegative()) {
      throw new IllegalArgumentException("--service-time must not be negative");
    }
  }

  /** Without the admin endpoint. */
  public QueueApiConfig(
      int workers, Duration serviceTime, int queueCapacity, String bindAddress, int port) {
    this(workers, serviceTime, queueCapacity, bindAddress, port, false);
  }

  /**
   * {@code --workers 4 --service-time 50ms --queue-capacity 1000 --port 8080 --bind 0.0.0.0 --admin
   * false}.
   */
  public static QueueApiConfig parse(String[] args) {
    Flags flags =
        Flags.parse(
            args, Set.of("workers", "service-time", "queue-capacity", "port", "bind", "admin"));
    return new QueueApiConfig(
        flags.positiveInt("workers", 4),
        flags.duration("service-time", "50ms"),
        flags.positiveInt("queue-capacity", 1000),
        flags.string("bind", "0.0.0.0"),
        flags.port("port", 8080),
        flags.bool("admin", false));
  }
}
