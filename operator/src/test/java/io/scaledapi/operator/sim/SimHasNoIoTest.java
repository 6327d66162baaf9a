package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator is pure: no I/O, no threads, no system clock, and randomness only from the run's
 * seed, so a run is the same wherever and whenever it is replayed.
 */
class SimHasNoIoTest {

  private static final Path SOURCES = Path.of("src/main/java/io/scaledapi/operator/sim");

  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\bjava\\.(io|nio|net)\\b"),
          Pattern.compile("\\bjava\\.util\\.concurrent\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime|getProperty|getenv)\\b"),
          Pattern.compile(
              "\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)\\s*\\.\\s*now\\b"),
          Pattern.compile("\\bClock\\b"),
          Pattern.compile("\\bThread\\b"),
          Pattern.compile("\\bnew\\s+Random\\s*\\(\\s*\\)"),
          Pattern.compile("\\bMath\\s*\\.\\s*random\\b"));

  static Stream<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
    }
  }

  @Test
  void findsTheSources() throws IOException {
    assertThat(sources().map(f -> f.getFileName().toString()))
        .contains("Simulator.java", "FluidQueue.java", "OraclePolicy.java", "Workload.java");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void sourceIsPure(Path file) throws IOException {
    String source = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(FORBIDDEN).noneMatch(p -> p.matcher(source).find());
  }

  @Test
  void detectsWhatItForbids() {
    List<String> impure =
        List.of(
            "import java.io.PrintStream;",
            "import java.util.concurrent.ForkJoinPool;",
            "long t = System.currentTimeMillis();",
            "Instant t = Instant.now();",
            "new Thread(r)",
            "Random r = new Random();",
            "double u = Math.random();");
    assertThat(impure).allSatisfy(s -> assertThat(FORBIDDEN).anyMatch(p -> p.matcher(s).find()));
    assertThat(FORBIDDEN)
        .noneMatch(p -> p.matcher("Random r = new Random(cluster.seed());").find())
        .noneMatch(p -> p.matcher("Instant now = start.plusSeconds(t);").find());
  }
}
