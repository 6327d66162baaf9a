package io.scaledapi.operator.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.RealApiServer;
import io.scaledapi.operator.testing.ScaledApiCrd;
import io.scaledapi.operator.testing.TestExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * How many ScaledApis one operator keeps on time: {@code -Dbench.scaledApis} Deployments, each with
 * its ScaledApi polling every 15 s, on the real API server and a real Prometheus, with the operator
 * in a JVM of its own as the chart runs it ({@link OperatorProcess}). Once every ScaledApi has a
 * status and N polls were late or on time, it measures {@code -Dbench.rounds} polling intervals,
 * then raises every queue at once and times until every Deployment's replicas changed. A benchmark,
 * not a test: its name keeps it out of surefire and failsafe; docs/benchmarks.md has the command.
 */
class ScaleBenchmark {
  private static final Duration POLL = Duration.ofSeconds(15);
  private static final Duration SCRAPE = Duration.ofSeconds(5);
  private static final double QUIET = 5;
  private static final double LOADED = 200;
  private static final Duration DUMPS = Duration.ofSeconds(10);
  private static final Path OUT = Path.of("target", "scale-benchmark");

  @Test
  void measure() throws Exception {
    int size = Integer.getInteger("bench.scaledApis", 100);
    int rounds = Integer.getInteger("bench.rounds", 4);
    Files.createDirectories(OUT);
    String load = Files.readString(Path.of("/proc/loadavg")).strip();
    KubernetesClient client = ScaledApiCrd.install();
    ControlPlaneMetrics controlPlane = ControlPlaneMetrics.of(client);
    BenchCluster cluster = new BenchCluster(client, size);

    try (TestExporter exporter = TestExporter.start();
        PrometheusProcess prometheus =
            PrometheusProcess.start(List.of(exporter.target()), SCRAPE)) {
      setQueues(exporter, size, QUIET);
      prometheus.awaitTargetUp(Duration.ofSeconds(30));
      long creating = System.nanoTime();
      cluster.create(8, POLL);
      print("created %d Deployments and ScaledApis in %.0f s", size, since(creating));

      Path kubeconfig = OUT.resolve("kubeconfig-" + size);
      Files.writeString(kubeconfig, RealApiServer.get().kubeConfigYaml());
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName("bench-operator")
                  .endMetadata()
                  .build())
          .serverSideApply();
      try (OperatorProcess operator =
          OperatorProcess.start(
              jar().toAbsolutePath(),
              kubeconfig.toAbsolutePath(),
              prometheus.baseUri(),
              "bench-operator",
              extraJvm(size),
              OUT.resolve("operator-" + size + ".log"))) {
        long started = System.nanoTime();
        awaitSteadyState(operator, cluster, size);
        print("steady state after %.0f s", since(started));

        Measured steady = measureWindow(operator, controlPlane, size, rounds);
        Map<String, Long> changed = new ConcurrentHashMap<>();
        try (Watch watch = cluster.watchReplicaChanges(1, changed)) {
          Snapshot before = Snapshot.take(operator, controlPlane);
          setQueues(exporter, size, LOADED);
          try (AutoCloseable dumps = operator.threadDumps(DUMPS, OUT.resolve(size + "-change"))) {
            awaitEveryTarget(changed, size);
          }
          Snapshot after = Snapshot.take(operator, controlPlane);
          Measured change =
              new Measured(
                  new Window(before, after), Math.max(before.heapUsed(), after.heapUsed()));
          report(size, load, steady, change, reached(changed, size, before.nanos()));
        }
      }
    }
  }

  private record Measured(Window window, double heapUsedMax) {}

  private static Measured measureWindow(
      OperatorProcess operator, ControlPlaneMetrics controlPlane, int size, int rounds)
      throws Exception {
    Snapshot start = Snapshot.take(operator, controlPlane);
    double heapMax = start.heapUsed();
    long end = start.nanos() + POLL.multipliedBy(rounds).toNanos();
    try (AutoCloseable dumps = operator.threadDumps(DUMPS, OUT.resolve(size + "-steady"))) {
      while (System.nanoTime() < end) {
        // the measurement window itself: a fixed length, sampled every 5 s
        Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        heapMax = Math.max(heapMax, Snapshot.take(operator, controlPlane).heapUsed());
      }
    }
    return new Measured(new Window(start, Snapshot.take(operator, controlPlane)), heapMax);
  }

  private static void awaitSteadyState(OperatorProcess operator, BenchCluster cluster, int size) {
    await("every ScaledApi reconciled")
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(5))
        .until(cluster::reconciled, n -> n == size);
    await("N polls counted by the lateness histogram")
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> operator.metrics().sum(Window.LATENESS + "_count") >= size);
  }

  /** Waits until every Deployment's replicas changed, or says how many did in time. */
  private static void awaitEveryTarget(Map<String, Long> changed, int size) {
    try {
      await("every Deployment rescaled")
          .atMost(SCRAPE.plus(POLL.multipliedBy(4)).plusMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> changed.size() == size);
    } catch (ConditionTimeoutException e) {
      print("only %d of %d Deployments rescaled in time", changed.size(), size);
    }
  }

  /** Median and slowest time from the raise to a Deployment's change, and how many changed. */
  private static String reached(Map<String, Long> changed, int size, long raised) {
    List<Long> delays = changed.values().stream().map(t -> t - raised).sorted().toList();
    if (delays.isEmpty()) {
      return "none of " + size;
    }
    return String.format(
        Locale.ROOT,
        "%.1f / %.1f s (%d of %d)",
        delays.get(delays.size() / 2) / 1e9,
        delays.get(delays.size() - 1) / 1e9,
        delays.size(),
        size);
  }

  private static void report(
      int size, String load, Measured steady, Measured change, String reached) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(
        "N="
            + size
            + ", load average "
            + load
            + ", operator JVM "
            + String.join(" ", OperatorProcess.JVM_OPTIONS)
            + " "
            + String.join(" ", extraJvm(size)));
    lines.add(row(size, load, "steady", steady, "-"));
    lines.add(row(size, load, "load change", change, reached));
    for (Measured m : List.of(steady, change)) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  API requests, %.0f s window (events dropped by the operator: %.0f):",
              m.window().seconds(),
              m.window().eventsDropped()));
      m.window()
          .apiRequests()
          .forEach(
              (k, r) ->
                  lines.add(
                      String.format(
                          Locale.ROOT,
                          "    %-36s %8.2f/s  mean %6.3f s",
                          k,
                          r.perSecond(),
                          r.meanSeconds())));
    }
    lines.forEach(System.out::println);
    Files.write(
        OUT.resolve("results.md"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String row(int size, String load, String phase, Measured m, String reached) {
    Window w = m.window();
    Histogram lateness = w.lateness();
    return String.format(
        Locale.ROOT,
        "| %d | %s | %s | %.0f s | %.1f | %s | %s | %s | %.1f (%.1f) | %.2f (%s) | %.0f / %.0f MiB"
            + " | %s |",
        size,
        load.split(" ")[0],
        phase,
        w.seconds(),
        w.pollsPerSecond(),
        lateness.quantileText(0.5),
        lateness.quantileText(0.99),
        verbs(w.apiRequestsByVerb()),
        w.etcdRevisionsPerSecond(),
        w.etcdPutsPerSecond(),
        w.cpuCores(),
        others(w.othersCpuCores()),
        m.heapUsedMax() / (1 << 20),
        w.end().heapMax() / (1 << 20),
        reached);
  }

  private static String verbs(Map<String, Double> byVerb) {
    return joined(byVerb, "%s %.1f");
  }

  private static String others(Map<String, Double> cores) {
    return joined(cores, "%s %.2f");
  }

  private static String joined(Map<String, Double> values, String format) {
    return values.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, format, e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static void setQueues(TestExporter exporter, int size, double value) {
    IntStream.range(0, size)
        .forEach(
            i ->
                exporter.set(
                    BenchCluster.QUEUE,
                    Map.of(
                        "namespace", BenchCluster.namespace(i), "scaledapi", BenchCluster.name(i)),
                    value));
  }

  /**
   * {@code -Dbench.operatorJvm="..."}: further JVM options of the operator (space-separated);
   * {@code -Dbench.jfr=true} records it with JFR's profile settings.
   */
  private static List<String> extraJvm(int size) {
    List<String> options = new ArrayList<>();
    String extra = System.getProperty("bench.operatorJvm", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    if (Boolean.getBoolean("bench.jfr")) {
      options.add(
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
              + OUT.resolve("operator-" + size + ".jfr").toAbsolutePath());
    }
    return options;
  }

  private static Path jar() throws Exception {
    try (var files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("scaledapi-operator-.*-all\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no target/scaledapi-operator-*-all.jar; run mvn -B -pl crd,operator package"
                          + " -DskipTests first"));
    }
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println("[scale-benchmark] " + String.format(Locale.ROOT, format, args));
  }
}
