package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The queue-api jar run as a process of its own, its output in a temporary file. */
final class QueueApiProcess implements AutoCloseable {
  static final Path JAR = Path.of("target/scaledapi-example-queue-api-0.1.0-SNAPSHOT-all.jar");
  private static final Pattern WAITING =
      Pattern.compile("(?m)^api_queue_requests_waiting ([0-9.]+)$");

  private final Process process;
  private final Path log;
  private final int port;

  private QueueApiProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the jar with {@code flags} on {@code port} and waits until it serves. */
  static QueueApiProcess start(List<String> flags, int port) throws IOException {
    assertThat(JAR).as("the queue-api jar, built in the package phase").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile("queue-api", ".log");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(flags);
    command.addAll(List.of("--port", Integer.toString(port)));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    QueueApiProcess api = new QueueApiProcess(process, log, port);
    await("the queue-api serving")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> Http.get(api.uri("/healthz")).statusCode() == 200);
    return api;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Requests waiting in the queue now, from its metrics. */
  double waiting() throws IOException, InterruptedException {
    Matcher m = WAITING.matcher(Http.get(uri("/metrics")).body());
    assertThat(m.find()).as("api_queue_requests_waiting in the metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** How many requests it serves at once, from its admin endpoint. */
  int workers() throws IOException, InterruptedException {
    return Integer.parseInt(Http.get(uri("/admin/workers")).body().strip());
  }

  /** Stops the process and deletes its output. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(log);
  }
}
