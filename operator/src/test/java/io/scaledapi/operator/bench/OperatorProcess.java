package io.scaledapi.operator.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator as production runs it: its own JVM from the shaded jar, with the image's JVM options
 * and the chart's default arguments, sized as the chart's default resources size the pod.
 */
final class OperatorProcess implements AutoCloseable {
  /**
   * The image's JVM options (Dockerfile ENTRYPOINT) in a pod limited to 512Mi (the chart's
   * default): MaxRAM stands for the memory limit, and SerialGC is what JDK 17 chooses with less
   * than 1792 MB of memory. The chart sets no CPU limit, so the JVM sees the node's processors.
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:MaxRAM=512m",
          "-XX:MaxRAMPercentage=75",
          "-XX:+UseSerialGC",
          "-XX:+ExitOnOutOfMemoryError");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final URI metrics;

  private OperatorProcess(Process process, URI metrics) {
    this.process = process;
    this.metrics = metrics;
  }

  /**
   * Starts {@code jar}'s {@code run} with the chart's default arguments (leader election on a Lease
   * in {@code leaseNamespace}, namespace isolation on the label {@code namespace}) and waits until
   * it is ready, logging to {@code log}.
   */
  static OperatorProcess start(
      Path jar,
      Path kubeconfig,
      URI prometheus,
      String leaseNamespace,
      List<String> extraJvm,
      Path log)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(extraJvm);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "run",
            "--kubeconfig=" + kubeconfig,
            "--metrics-port=" + port,
            "--log-level=info",
            "--leader-election",
            "--lease-name=scaledapi-operator",
            "--lease-namespace=" + leaseNamespace,
            "--prometheus-address=" + prometheus,
            "--namespace-label=namespace"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    OperatorProcess operator = new OperatorProcess(process, URI.create("http://127.0.0.1:" + port));
    await("the operator ready")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .failFast("the operator exited; see " + log, () -> !process.isAlive())
        .ignoreExceptions()
        .until(() -> operator.get("/readyz").statusCode() == 200);
    return operator;
  }

  long pid() {
    return process.pid();
  }

  MetricsText metrics() {
    try {
      return MetricsText.parse(get("/metrics").body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Duration cpu() {
    return ProcessCpu.of(pid());
  }

  /**
   * Takes a {@code jcmd Thread.print} of the operator every {@code period} into {@code
   * <prefix>-<n>.txt}, until closed.
   */
  AutoCloseable threadDumps(Duration period, Path prefix) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    AtomicInteger taken = new AtomicInteger();
    ScheduledExecutorService dumper = Executors.newSingleThreadScheduledExecutor();
    dumper.scheduleWithFixedDelay(
        () -> {
          Path file = Path.of(prefix + "-" + taken.incrementAndGet() + ".txt");
          try {
            new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "Thread.print")
                .redirectErrorStream(true)
                .redirectOutput(file.toFile())
                .start()
                .waitFor(30, TimeUnit.SECONDS);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        period.toMillis() / 2,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
    return dumper::shutdownNow;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(metrics.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
