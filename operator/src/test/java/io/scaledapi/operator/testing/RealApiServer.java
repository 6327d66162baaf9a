package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The test JVM's one real Kubernetes API server (kube-apiserver and etcd, built by {@code
 * testbed/build.sh}), started by kube-api-test on first use and stopped when the JVM exits. Its
 * client is in {@code system:masters}. Tests share it and stay apart through namespaces and names
 * of their own.
 *
 * <p>The binaries are found in the directory the system property {@code testbed.dir} names, else
 * the one the environment variable {@code KUBE_API_TEST_DIR} names, else the one {@code
 * testbed/build.sh} prints (it reuses a complete build in well under a second and builds one
 * otherwise). kube-api-test writes its certificates into its directory, so the server runs in a
 * temporary directory of its own that links to the binaries.
 */
public final class RealApiServer {
  /** The Kubernetes version testbed builds. */
  public static final String VERSION = "1.34.4";

  private static final String ENTRY_LINE = "KUBE_API_TEST_DIR=";
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private static RealApiServer instance; // guarded by RealApiServer.class

  private final Path testDir;
  private final KubeAPIServer server;
  private final KubernetesClient client;
  private final Duration startup;

  private RealApiServer(Path binaries) {
    long started = System.nanoTime();
    testDir = linkedTestDir(binaries);
    server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(testDir.toString())
                .withApiServerVersion(VERSION)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withWaitForEtcdHealthCheckOnStartup(true)
                .withStartupTimeout((int) READY_WITHIN.toMillis())
                .build());
    try {
      server.start();
      client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
              .build();
      awaitDefaultNamespace(client);
    } catch (RuntimeException | Error e) {
      server.stop();
      deleteTree(testDir);
      throw e;
    }
    startup = Duration.ofNanos(System.nanoTime() - started);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-real-api-server"));
  }

  /** The JVM's shared API server, started on first use. */
  public static synchronized RealApiServer get() {
    if (instance == null) {
      instance = new RealApiServer(binaries());
    }
    return instance;
  }

  /** A client of the server in {@code system:masters}; tests must not close it. */
  public KubernetesClient client() {
    return client;
  }

  /**
   * A kubeconfig for the server, the same identity as {@link #client()}, with its certificates
   * embedded; for tools that take a kubeconfig file, such as Helm.
   */
  public String kubeConfigYaml() {
    return server.getKubeConfigYaml();
  }

  /** How long the server took to start and serve its {@code default} namespace. */
  public Duration startup() {
    return startup;
  }

  /**
   * The directory holding {@code k8s/<version>-<os>-<arch>/} with kube-apiserver, etcd and kubectl
   * in it.
   */
  static Path binaries() {
    String property = System.getProperty("testbed.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String environment = System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR);
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    return Testbed.build(repositoryRoot());
  }

  /** {@code k8s/<version>-<os>-<arch>}, the way kube-api-test names a binary directory. */
  static String platformDirectory() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String goArch =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String goOs = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    return VERSION + "-" + goOs + "-" + goArch;
  }

  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(Testbed.SCRIPT))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no "
            + Testbed.SCRIPT
            + " above "
            + Path.of("").toAbsolutePath()
            + "; set -Dtestbed.dir or KUBE_API_TEST_DIR to a testbed entry");
  }

  private static Path linkedTestDir(Path binaries) {
    String platform = platformDirectory();
    Path source = binaries.resolve("k8s").resolve(platform).toAbsolutePath();
    if (!Files.isExecutable(source.resolve("kube-apiserver"))) {
      throw new IllegalStateException(
          "no kube-apiserver in " + source + "; run testbed/build.sh to build it");
    }
    try {
      Path dir = Files.createTempDirectory("real-api-server");
      Files.createDirectories(dir.resolve("k8s"));
      Files.createSymbolicLink(dir.resolve("k8s").resolve(platform), source);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a directory for kube-api-test", e);
    }
  }

  private static void awaitDefaultNamespace(KubernetesClient client) {
    await("the API server's default namespace")
        .atMost(READY_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(KubernetesClientException.class)
        .until(() -> client.namespaces().withName("default").get() != null);
  }

  private void stop() {
    try {
      client.close();
    } finally {
      server.stop();
      deleteTree(testDir);
    }
  }

  private static void deleteTree(Path dir) {
    // the link to the binaries is deleted, not followed
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(RealApiServer::deleteQuietly);
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // as above
    }
  }

  /** Runs {@code testbed/build.sh} and reads the entry from its last line. */
  static final class Testbed {
    static final String SCRIPT = "testbed/build.sh";

    private Testbed() {}

    static Path build(Path root) {
      return entry(root, ENTRY_LINE);
    }

    /** The directory named by the line of the script's output that starts with {@code prefix}. */
    static Path entry(Path root, String prefix) {
      try {
        Process build =
            new ProcessBuilder("bash", SCRIPT)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        build.getOutputStream().close();
        String output = new String(build.getInputStream().readAllBytes());
        int exit = build.waitFor();
        String line =
            output.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("");
        if (exit != 0 || line.isEmpty()) {
          throw new IllegalStateException(
              SCRIPT + " failed or printed no " + prefix + " line (exit " + exit + "):\n" + output);
        }
        return Path.of(line.substring(prefix.length()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + SCRIPT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + SCRIPT, e);
      }
    }
  }
}
