package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The testbed's kubectl, run as a process against the JVM's {@link RealApiServer}, as a user runs
 * it: its kubeconfig and discovery cache live in a temporary directory of their own, deleted when
 * the JVM exits.
 */
public final class Kubectl {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Kubectl instance; // guarded by Kubectl.class

  private final Path binary;
  private final Path home;

  private Kubectl(Path binary, String kubeConfigYaml) throws IOException {
    this.binary = binary;
    this.home = Files.createTempDirectory("kubectl");
    Files.writeString(home.resolve("kubeconfig"), kubeConfigYaml);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home), "delete-kubectl-home"));
  }

  /** kubectl for the JVM's real API server, which starts on first use. */
  public static synchronized Kubectl get() {
    if (instance == null) {
      Path binary =
          RealApiServer.binaries()
              .resolve("k8s")
              .resolve(RealApiServer.platformDirectory())
              .resolve("kubectl");
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException("no kubectl at " + binary + "; run testbed/build.sh");
      }
      try {
        instance = new Kubectl(binary, RealApiServer.get().kubeConfigYaml());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare a directory for kubectl", e);
      }
    }
    return instance;
  }

  /** What kubectl printed, and its exit code. */
  public record Result(int exit, String out, String err) {}

  /**
   * {@code kubectl apply -f <fileName>} on a file holding {@code content}, in a directory of its
   * own, so that kubectl names the file as {@code fileName}.
   */
  public Result apply(String fileName, String content) {
    try {
      Path dir = Files.createTempDirectory(home, "apply");
      try {
        Files.writeString(dir.resolve(fileName), content);
        return run(dir, "apply", "-f", fileName);
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** kubectl with {@code args}, run in the JVM's working directory. */
  public Result run(String... args) {
    return run(Path.of("").toAbsolutePath(), args);
  }

  private Result run(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + home.resolve("kubeconfig"));
    command.add("--cache-dir=" + home.resolve("cache"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("KUBECONFIG");
        int exit = await(builder.start(), command);
        return new Result(
            exit,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  private static int await(Process kubectl, List<String> command) {
    try {
      if (!kubectl.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        kubectl.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
      }
      return kubectl.exitValue();
    } catch (InterruptedException e) {
      kubectl.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while kubectl ran", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
