package io.scaledapi.operator.bench;

import java.time.Duration;

/** What the operator, the API server and etcd had counted at one moment. */
record Snapshot(
    long nanos, MetricsText operator, MetricsText apiServer, MetricsText etcd, Duration cpu) {

  static Snapshot take(OperatorProcess operator, ControlPlane controlPlane) throws Exception {
    return new Snapshot(
        System.nanoTime(),
        operator.metrics(),
        controlPlane.apiServer(),
        controlPlane.etcd(),
        operator.cpu());
  }

  /** Heap in use now, in bytes. */
  double heapUsed() {
    return operator.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area")));
  }

  /** The largest heap the JVM may grow to, in bytes. */
  double heapMax() {
    return operator.sum("jvm_memory_max_bytes", l -> "heap".equals(l.get("area")));
  }
}
