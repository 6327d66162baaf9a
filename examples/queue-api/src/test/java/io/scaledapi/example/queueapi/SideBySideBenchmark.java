package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real HPA, the real KEDA and our operator side by side on one scenario, with the simulator's
 * prediction for each; not run by the build (it takes minutes). Run from the repository root:
 *
 * <pre>
 * mvn -B verify -pl examples/queue-api -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=SideBySideBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dbench.scenario=step|spike|trace [-Dbench.compression=N]
 * </pre>
 *
 * It writes {@code target/side-by-side/<scenario>.md}, {@code .svg}, the arrivals as CSV and the
 * simulator's report, and prints the table. The trace scenario reads WorldCup98 from {@code
 * ../shared/traces} (or {@code -Dtraces.dir}).
 */
class SideBySideBenchmark {

  static Path traces() {
    String given = System.getProperty("traces.dir");
    return given != null ? Path.of(given) : Path.of("..", "..", "..", "shared", "traces");
  }

  /** The scenario {@code -Dbench.scenario} names. */
  static Scenario scenario(String name) {
    return switch (name) {
      case "step" -> Scenario.step();
      case "spike" -> Scenario.spike();
      case "trace" -> {
        Path csv = traces().resolve("worldcup98-train.csv");
        assumeTrue(Files.isRegularFile(csv), "no " + csv);
        // 30 minutes of an evening rise, 20 days 17 h 42 min into the trace, at 1.5 times its rate
        yield Scenario.trace(csv, (20 * 1440 + 17 * 60 + 42) * 60L, 1800, 1.5, 1);
      }
      default ->
          throw new IllegalArgumentException(
              "-Dbench.scenario must be step, spike or trace, not " + name);
    };
  }

  @Test
  void sideBySide() throws Exception {
    Scenario scenario = scenario(System.getProperty("bench.scenario", "step"));
    TimeScale scale = new TimeScale(Integer.getInteger("bench.compression", 1));
    Path out = Files.createDirectories(Path.of("target", "side-by-side"));
    SideBySide.Result result;
    try (SideBySide run = new SideBySide(scenario, scale, out)) {
      result = run.startAndRun();
    }
    String markdown = SideBySideReport.markdown(result);
    Files.writeString(out.resolve(scenario.name() + ".md"), markdown);
    Files.writeString(out.resolve(scenario.name() + ".svg"), SideBySideReport.svg(result));
    System.out.println("[side-by-side] simulate " + String.join(" ", result.simulateArguments()));
    System.out.println(result.simulateOutput());
    System.out.println(markdown);
    assertThat(result.measured()).containsOnlyKeys(Contenders.NAMES);
  }
}
