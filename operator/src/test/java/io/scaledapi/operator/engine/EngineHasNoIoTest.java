package io.scaledapi.operator.engine;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine is a pure function: no I/O, no concurrency, no system clock. */
class EngineHasNoIoTest {

  private static final Path SOURCES = Path.of("src/main/java/io/scaledapi/operator/engine");

  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\bio\\.fabric8\\b"),
          Pattern.compile("\\bjava\\.net\\b"),
          Pattern.compile("\\bjava\\.io\\b"),
          Pattern.compile("\\bjava\\.nio\\b"),
          Pattern.compile("\\bjava\\.util\\.concurrent\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*currentTimeMillis\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*nanoTime\\b"),
          Pattern.compile(
              "\\b(Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime)"
                  + "\\s*\\.\\s*now\\b"),
          Pattern.compile("\\bClock\\s*\\.\\s*system"));

  static List<String> violations(String source) {
    return FORBIDDEN.stream().filter(p -> p.matcher(source).find()).map(Pattern::pattern).toList();
  }

  static Stream<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
    }
  }

  @Test
  void findsTheEngineSources() throws IOException {
    assertThat(sources().map(f -> f.getFileName().toString()))
        .contains("ScalingEngine.java", "Stabilization.java", "RateLimits.java")
        .hasSizeGreaterThan(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void sourceHasNoIo(Path file) throws IOException {
    assertThat(violations(Files.readString(file, StandardCharsets.UTF_8))).isEmpty();
  }

  static Stream<Arguments> detector() {
    return Stream.of(
        Arguments.of("import io.fabric8.kubernetes.client.KubernetesClient;", false),
        Arguments.of("import java.net.URI;", false),
        Arguments.of("import java.io.File;", false),
        Arguments.of("import java.nio.file.Path;", false),
        Arguments.of("import java.util.concurrent.TimeUnit;", false),
        Arguments.of("import static java.util.concurrent.TimeUnit.SECONDS;", false),
        Arguments.of("long t = System.currentTimeMillis();", false),
        Arguments.of("Instant t = Instant.now();", false),
        Arguments.of("Instant t = java.time.Instant.now(clock);", false),
        Arguments.of("Clock c = Clock.systemUTC();", false),
        Arguments.of("import java.time.Instant;", true),
        Arguments.of("import java.util.List;", true),
        Arguments.of("Instant now = input.now();", true));
  }

  @ParameterizedTest(name = "{0} -> clean={1}")
  @MethodSource
  void detector(String source, boolean clean) {
    assertThat(violations(source).isEmpty()).isEqualTo(clean);
  }
}
