package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scaledapi.operator.sim.LearnedCapacityTest;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The capacity ours learns on the real traces benchmarks use, which live beside the repository in
 * {@code ../shared/traces} (or where {@code -Dtraces.dir} says) and are not part of it: where they
 * are absent, this test is skipped.
 */
class LearnedCapacityOnTracesTest {
  static final double TRUE_CAPACITY = LearnedCapacityTest.TRUE_CAPACITY;

  static Path traces() {
    String given = System.getProperty("traces.dir");
    return given != null ? Path.of(given) : Path.of("..", "..", "shared", "traces");
  }

  @ParameterizedTest(name = "{0} x{1}")
  @CsvSource({"worldcup98-train.csv, 1", "nasa-1995-07.csv, 100"})
  void learnsWithinTenPercentOfTheTrueCapacity(String file, double rateScale) throws IOException {
    Path trace = traces().resolve(file);
    assumeTrue(Files.isRegularFile(trace), "no " + trace);
    Workload workload =
        Arrivals.fromTrace(
            file, TraceCsv.read(trace), Instant.EPOCH, rateScale, Arrivals.ScaleMode.POISSON, 1);
    assertThat(LearnedCapacityTest.learnedCapacity(workload))
        .isCloseTo(TRUE_CAPACITY, within(0.1 * TRUE_CAPACITY));
  }
}
