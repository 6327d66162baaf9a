package io.scaledapi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision, the forecasters and the simulator are pure: no I/O, no threads, no system clock,
 * randomness only from a given seed; time is passed in. The same inputs give the same outputs
 * wherever and whenever they run, in the operator and in the simulator alike.
 */
class PureCodeTest {
  static final Path MAIN = Path.of("src/main/java/io/scaledapi/operator");

  static final List<Pattern> IMPURE =
      List.of(
          Pattern.compile("\\bjava\\.(io|nio|net)\\b"),
          Pattern.compile("\\bjava\\.util\\.concurrent\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime|getProperty|getenv)\\b"),
          Pattern.compile(
              "\\b(Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime)"
                  + "\\s*\\.\\s*now\\b"),
          Pattern.compile("\\bClock\\b"),
          Pattern.compile("\\bThread\\b"),
          Pattern.compile("\\bnew\\s+Random\\s*\\(\\s*\\)"),
          Pattern.compile("\\bMath\\s*\\.\\s*random\\b"));

  /** The engine and the forecasters do not even know the Kubernetes types. */
  static final Pattern KUBERNETES = Pattern.compile("\\bio\\.fabric8\\b");

  static List<String> violations(String pkg, String source) {
    Stream<Pattern> rules =
        pkg.equals("sim") ? IMPURE.stream() : Stream.concat(IMPURE.stream(), Stream.of(KUBERNETES));
    return rules.filter(p -> p.matcher(source).find()).map(Pattern::pattern).toList();
  }

  static Stream<Arguments> sources() throws IOException {
    Stream.Builder<Arguments> all = Stream.builder();
    for (String pkg : List.of("engine", "forecast", "sim")) {
      try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
        List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        assertThat(java).as("sources of %s", pkg).hasSizeGreaterThan(10);
        java.forEach(f -> all.add(Arguments.of(pkg, f.getFileName().toString())));
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("sources")
  void sourceIsPure(String pkg, String file) throws IOException {
    String source = Files.readString(MAIN.resolve(pkg).resolve(file), StandardCharsets.UTF_8);
    assertThat(violations(pkg, source)).isEmpty();
  }

  static Stream<Arguments> detector() {
    return Stream.of(
        Arguments.of("engine", "import io.fabric8.kubernetes.client.KubernetesClient;", false),
        Arguments.of("sim", "import io.fabric8.kubernetes.api.model.IntOrString;", true),
        Arguments.of("sim", "import java.net.URI;", false),
        Arguments.of("sim", "import java.io.PrintStream;", false),
        Arguments.of("forecast", "import java.nio.file.Path;", false),
        Arguments.of("engine", "import static java.util.concurrent.TimeUnit.SECONDS;", false),
        Arguments.of("sim", "long t = System.currentTimeMillis();", false),
        Arguments.of("forecast", "String s = System.getProperty(\"x\");", false),
        Arguments.of("engine", "Instant t = Instant.now();", false),
        Arguments.of("engine", "Instant t = java.time.Instant.now(clock);", false),
        Arguments.of("forecast", "Clock clock;", false),
        Arguments.of("sim", "new Thread(r)", false),
        Arguments.of("sim", "Random r = new Random();", false),
        Arguments.of("sim", "double u = Math.random();", false),
        Arguments.of("sim", "Random r = new Random(cluster.seed());", true),
        Arguments.of("engine", "Instant now = input.now();", true),
        Arguments.of("forecast", "Instant now = time.plus(horizon);", true));
  }

  @ParameterizedTest(name = "{0}: {1} -> pure={2}")
  @MethodSource
  void detector(String pkg, String source, boolean pure) {
    assertThat(violations(pkg, source).isEmpty()).isEqualTo(pure);
  }
}
