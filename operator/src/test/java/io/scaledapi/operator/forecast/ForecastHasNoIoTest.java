package io.scaledapi.operator.forecast;

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

/** The forecasters are pure: no I/O, no threads, no system clock; time is passed in. */
class ForecastHasNoIoTest {

  private static final Path SOURCES = Path.of("src/main/java/io/scaledapi/operator/forecast");

  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\bjava\\.(io|nio|net)\\b"),
          Pattern.compile("\\bjava\\.util\\.concurrent\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime|getProperty|getenv)\\b"),
          Pattern.compile(
              "\\b(Instant|LocalDateTime|ZonedDateTime|OffsetDateTime)\\s*\\.\\s*now\\b"),
          Pattern.compile("\\bClock\\b"),
          Pattern.compile("\\b(Thread|Random)\\b"));

  static Stream<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
    }
  }

  @Test
  void findsTheSources() throws IOException {
    assertThat(sources().map(f -> f.getFileName().toString()))
        .contains("RateForecaster.java", "EnsembleForecaster.java", "SeasonalProfile.java");
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
            "import java.nio.file.Path;",
            "import java.util.concurrent.atomic.AtomicLong;",
            "long t = System.nanoTime();",
            "String s = System.getProperty(\"x\");",
            "Instant t = Instant.now();",
            "Clock clock;",
            "new Random(1)");
    assertThat(impure).allSatisfy(s -> assertThat(FORBIDDEN).anyMatch(p -> p.matcher(s).find()));
    assertThat(FORBIDDEN).noneMatch(p -> p.matcher("Instant now = time.plus(horizon);").find());
  }
}
