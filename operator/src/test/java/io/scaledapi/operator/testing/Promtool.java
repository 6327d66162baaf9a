package io.scaledapi.operator.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Turns OpenMetrics history into TSDB blocks with {@code promtool tsdb create-blocks-from
 * openmetrics}, before Prometheus starts on the data directory.
 *
 * <p>promtool reads timestamps in seconds, cuts blocks at 2 h boundaries, and silently drops a
 * sample that is not newer than the one before it in its series. It exits 0 for input without
 * samples.
 */
final class Promtool {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Promtool() {}

  /**
   * Writes {@code history} to a file in {@code workDir}, creates blocks from it in {@code dataDir},
   * and deletes the file.
   *
   * @throws IllegalStateException if promtool fails; the message holds its output
   */
  static void createBlocks(Backfill history, Path workDir, Path dataDir) throws IOException {
    Path input = workDir.resolve("history.om.txt");
    Path output = workDir.resolve("promtool.log");
    try {
      try (Writer out =
          new BufferedWriter(Files.newBufferedWriter(input, StandardCharsets.UTF_8), 1 << 16)) {
        history.writeOpenMetrics(out);
      }
      Process promtool =
          new ProcessBuilder(
                  Executables.find("promtool").toString(),
                  "tsdb",
                  "create-blocks-from",
                  "openmetrics",
                  "--quiet",
                  input.toString(),
                  dataDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      int exit = await(promtool);
      if (exit != 0) {
        throw new IllegalStateException(
            "promtool tsdb create-blocks-from openmetrics failed with exit code "
                + exit
                + "; its output:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(input);
    }
  }

  private static int await(Process promtool) {
    try {
      if (!promtool.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        promtool.destroyForcibly();
        throw new IllegalStateException("promtool did not finish within " + TIMEOUT);
      }
      return promtool.exitValue();
    } catch (InterruptedException e) {
      promtool.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while promtool ran", e);
    }
  }
}
