package io.scaledapi.operator.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the Prometheus tools on the {@code PATH}, or in {@code /usr/bin}. */
final class Executables {

  private Executables() {}

  /** The executable {@code name}, such as {@code prometheus} or {@code promtool}. */
  static Path find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    Stream<Path> candidates =
        Stream.concat(
            Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)),
            Stream.of(Path.of("/usr/bin", name)));
    return candidates
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name + " binary not found; install it with apt-get install -y prometheus"));
  }
}
