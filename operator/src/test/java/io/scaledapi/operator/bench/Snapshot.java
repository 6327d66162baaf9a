package io.scaledapi.operator.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the operator, the API server and etcd had counted at one moment, and the CPU time the
 * operator and {@link #OTHERS} had used.
 */
record Snapshot(
    long nanos,
    MetricsText operator,
    MetricsText apiServer,
    MetricsText etcd,
    Duration cpu,
    Map<String, Duration> othersCpu) {

  /** The processes this JVM started whose CPU use is reported next to the operator's. */
  static final List<String> OTHERS = List.of("kube-apiserver", "etcd", "prometheus");

  static Snapshot take(OperatorProcess operator, ControlPlaneMetrics controlPlane)
      throws Exception {
    return new Snapshot(
        System.nanoTime(),
        operator.metrics(),
        controlPlane.apiServer(),
        controlPlane.etcd(),
        operator.cpu(),
        OTHERS.stream().collect(Collectors.toMap(name -> name, ProcessCpu::ofChild)));
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
