package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Prometheus server for tests: its own config, data directory and loopback port, with its
 * output in a log file. {@link #close()} stops it and deletes its files.
 */
public final class PrometheusProcess implements AutoCloseable {

  /** Long enough for any history a test backfills; Prometheus's default is 15 days. */
  private static final String RETENTION = "365d";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final int START_ATTEMPTS = 3;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private volatile Process process;
  private final Path workDir;
  private final Path logFile;
  private final URI baseUri;
  private final List<String> targets;
  private final Thread shutdownHook;

  private PrometheusProcess(
      Process process, Path workDir, Path logFile, URI baseUri, List<String> targets) {
    this.process = process;
    this.workDir = workDir;
    this.logFile = logFile;
    this.baseUri = baseUri;
    this.targets = targets;
    this.shutdownHook = new Thread(() -> this.process.destroyForcibly(), "stop-test-prometheus");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts Prometheus scraping {@code scrapeTargets} ({@code host:port}) as job {@code test} and
   * waits until it is ready.
   */
  public static PrometheusProcess start(List<String> scrapeTargets, Duration scrapeInterval) {
    return start(ScrapeTarget.unlabelled(scrapeTargets), scrapeInterval, Optional.empty(), false);
  }

  /** A {@code host:port} to scrape and the labels every series scraped from it gets. */
  public record ScrapeTarget(String address, Map<String, String> labels) {
    public ScrapeTarget {
      labels = Map.copyOf(labels);
    }

    static List<ScrapeTarget> unlabelled(List<String> addresses) {
      return addresses.stream().map(a -> new ScrapeTarget(a, Map.of())).toList();
    }
  }

  /**
   * Starts Prometheus scraping {@code scrapeTargets}, each with its labels, as job {@code test}.
   */
  public static PrometheusProcess startLabelled(
      List<ScrapeTarget> scrapeTargets, Duration scrapeInterval) {
    return start(scrapeTargets, scrapeInterval, Optional.empty(), false);
  }

  /**
   * Starts Prometheus scraping {@code scrapeTarget} as job {@code test}, keeping the {@code job}
   * and {@code instance} labels the target's series carry ({@code honor_labels}), and waits until
   * it is ready: what {@link SharedPrometheus} runs.
   */
  static PrometheusProcess startHonoringLabels(String scrapeTarget, Duration scrapeInterval) {
    return start(
        ScrapeTarget.unlabelled(List.of(scrapeTarget)), scrapeInterval, Optional.empty(), true);
  }

  /**
   * Starts Prometheus, without scrape targets, on a data directory that already holds {@code
   * history}, and waits until it is ready.
   *
   * @throws IllegalStateException if promtool cannot turn the history into blocks; the message
   *     holds promtool's output
   */
  public static PrometheusProcess startWithHistory(Backfill history) {
    return startWithHistory(history, List.of(), Duration.ofSeconds(15));
  }

  /**
   * Starts Prometheus on a data directory that already holds {@code history}, scraping {@code
   * scrapeTargets} as {@link #start} does. Prometheus accepts scraped samples only after the newest
   * sample of the history, so history for scraped series should end before now. Blocks that end
   * more than {@value #RETENTION} before the newest one are deleted.
   */
  public static PrometheusProcess startWithHistory(
      Backfill history, List<String> scrapeTargets, Duration scrapeInterval) {
    return start(
        ScrapeTarget.unlabelled(scrapeTargets), scrapeInterval, Optional.of(history), false);
  }

  private static PrometheusProcess start(
      List<ScrapeTarget> scrapeTargets,
      Duration scrapeInterval,
      Optional<Backfill> history,
      boolean honorLabels) {
    Path binary = Executables.find("prometheus");
    List<String> targets = scrapeTargets.stream().map(ScrapeTarget::address).toList();
    Path workDir = null;
    try {
      workDir = Files.createTempDirectory("prometheus-test-");
      Files.writeString(
          workDir.resolve("prometheus.yml"), config(scrapeTargets, scrapeInterval, honorLabels));
      Path data = Files.createDirectory(workDir.resolve("data"));
      if (history.isPresent()) {
        Promtool.createBlocks(history.get(), workDir, data);
      }
      Path log = workDir.resolve("prometheus.log");
      for (int attempt = 1; ; attempt++) {
        int port = freePort();
        Files.deleteIfExists(log);
        Process process = launch(binary, workDir, port);
        PrometheusProcess prometheus =
            new PrometheusProcess(
                process, workDir, log, URI.create("http://127.0.0.1:" + port), targets);
        boolean ready;
        try {
          ready = prometheus.awaitReady();
        } catch (RuntimeException e) {
          prometheus.discard();
          throw e;
        }
        if (ready) {
          return prometheus;
        }
        String output = prometheus.log();
        prometheus.discard();
        if (attempt == START_ATTEMPTS || !output.contains("address already in use")) {
          throw new IllegalStateException("Prometheus did not start; its log:\n" + output);
        }
      }
    } catch (IOException e) {
      deleteRecursively(workDir);
      throw new UncheckedIOException("cannot start Prometheus", e);
    } catch (RuntimeException e) {
      deleteRecursively(workDir);
      throw e;
    }
  }

  /** The server's address, {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The version Prometheus reports, such as {@code 2.42.0}. */
  public String version() {
    return getJson("/api/v1/status/buildinfo").path("data").path("version").asText("unknown");
  }

  /** The {@code data.result} of an instant query at the current time. */
  public JsonNode query(String promql) {
    return getJson("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("data")
        .path("result");
  }

  /** Waits until the {@code up} series of every scrape target is 1. */
  public void awaitTargetUp(Duration timeout) {
    Set<String> wanted = new HashSet<>(targets);
    try {
      await("targets " + wanted + " up")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> upTargets().containsAll(wanted));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "targets " + wanted + " not up within " + timeout + "; up: " + upTargets() + "\n" + log(),
          e);
    }
  }

  /** Stops the server and waits for it to exit; queries then fail to connect. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts a stopped server again on the same address, configuration and data, and waits until it
   * is ready: what a restarted Prometheus looks like to its clients.
   */
  public void restart() {
    stop();
    try {
      process = launch(Executables.find("prometheus"), workDir, baseUri.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart Prometheus", e);
    }
    if (!awaitReady()) {
      throw new IllegalStateException("Prometheus did not restart; its log:\n" + log());
    }
  }

  /** Whether the server process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Everything Prometheus has written to its log so far. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  /** Stops the server and deletes its config, data and log. */
  @Override
  public void close() {
    discard();
    deleteRecursively(workDir);
  }

  private void discard() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private boolean awaitReady() {
    try {
      await("Prometheus ready at " + baseUri)
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || status("/-/ready") == 200);
    } catch (ConditionTimeoutException e) {
      return false;
    }
    return process.isAlive();
  }

  private Set<String> upTargets() {
    JsonNode result = getJson("/api/v1/query?query=up").path("data").path("result");
    Set<String> up = new HashSet<>();
    for (JsonNode series : result) {
      if (series.path("value").path(1).asText().equals("1")) {
        up.add(series.path("metric").path("instance").asText());
      }
    }
    return up;
  }

  private int status(String path) throws InterruptedException {
    try {
      return send(path, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  private JsonNode getJson(String path) {
    try {
      return JSON.readTree(send(path, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " failed\n" + log(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(5)).build();
    return HTTP.send(request, handler);
  }

  /** Starts the binary on {@code workDir}'s config and data, appending to its log. */
  private static Process launch(Path binary, Path workDir, int port) throws IOException {
    return new ProcessBuilder(
            binary.toString(),
            "--config.file=" + workDir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + workDir.resolve("data"),
            "--storage.tsdb.retention.time=" + RETENTION,
            "--web.listen-address=127.0.0.1:" + port,
            "--web.enable-lifecycle",
            "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(workDir.resolve("prometheus.log").toFile()))
        .start();
  }

  private static String config(
      List<ScrapeTarget> targets, Duration scrapeInterval, boolean honorLabels) {
    String interval = scrapeInterval.toMillis() + "ms";
    String staticConfigs =
        targets.isEmpty()
            ? "      - targets: []\n"
            : targets.stream()
                .map(
                    t ->
                        "      - targets: ['%s']\n        labels: {%s}\n"
                            .formatted(
                                t.address(),
                                t.labels().entrySet().stream()
                                    .sorted(Map.Entry.comparingByKey())
                                    .map(l -> l.getKey() + ": '" + l.getValue() + "'")
                                    .collect(Collectors.joining(", "))))
                .collect(Collectors.joining());
    return """
        global:
          scrape_interval: %1$s
          scrape_timeout: %1$s
          evaluation_interval: %1$s
        scrape_configs:
          - job_name: test
            honor_labels: %3$s
            static_configs:
        %2$s"""
        .formatted(interval, staticConfigs, honorLabels);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: leftovers in the temp directory are harmless
    }
  }
}
