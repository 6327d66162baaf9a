package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.Set;

/**
 * How the API runs: {@code workers} serve requests one at a time each, taking {@code serviceTime};
 * up to {@code queueCapacity} more wait in FIFO order; beyond that the API answers 503.
 */
public record QueueApiConfig(
    int workers, Duration serviceTime, int queueCapacity, String bindAddress, int port) {

  public QueueApiConfig {
    if (workers < 1 || queueCapacity < 1 || port < 0 || port > 65535) {
      throw new IllegalArgumentException("workers and queue capacity must be at least 1");
    }
    if (serviceTime.isNegative()) {
      throw new IllegalArgumentException("service time must not be negative");
    }
  }

  /** {@code --workers 4 --service-time 50ms --queue-capacity 1000 --port 8080 --bind 0.0.0.0}. */
  public static QueueApiConfig parse(String[] args) {
    Flags flags =
        Flags.parse(args, Set.of("workers", "service-time", "queue-capacity", "port", "bind"));
    return new QueueApiConfig(
        flags.positiveInt("workers", 4),
        flags.duration("service-time", "50ms"),
        flags.positiveInt("queue-capacity", 1000),
        flags.string("bind", "0.0.0.0"),
        Integer.parseInt(flags.string("port", "8080")));
  }
}
