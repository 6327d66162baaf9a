package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.sim.PolicyResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs on a pool: results in the order of the runs, a line as each finishes, failures named. */
class FrontierRunnerTest {

  final StringWriter err = new StringWriter();
  final AtomicLong nanos = new AtomicLong();

  FrontierRunner runner(int threads) {
    return new FrontierRunner(
        PolicyCatalogTest.STEP,
        PolicyCatalogTest.CLUSTER,
        threads,
        new PrintWriter(err, true),
        () -> nanos.addAndGet(100_000_000));
  }

  @Test
  void resultsComeInTheOrderOfTheRunsWithALineEach() {
    List<FrontierSweep.Run> runs =
        FrontierSweep.plan(List.of("hpa", "knative"), List.of(0.5), List.of());

    List<PolicyResult> results = runner(3).run(runs);

    assertThat(results)
        .extracting(PolicyResult::policy)
        .containsExactly("hpa", "hpa", "knative", "knative");
    assertThat(results.get(0).replicaSeconds()).isGreaterThan(results.get(1).replicaSeconds());
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("frontier: 4 runs of 1 hour of traffic on 3 threads");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(4)).startsWith("frontier: 4/4 ");
  }

  @Test
  void aRunThatThrowsIsNamed() {
    FrontierSweep.Run broken =
        new FrontierSweep.Run(
            "hpa",
            "0.5",
            false,
            (workload, cluster) -> {
              throw new IllegalStateException("boom");
            });

    assertThatThrownBy(() -> runner(2).run(List.of(broken)))
        .isInstanceOf(FrontierRunner.RunFailed.class)
        .hasMessage("the run of hpa 0.5 failed: java.lang.IllegalStateException: boom");
  }

  @ParameterizedTest
  @CsvSource({"0, 0.0 s", "41_200_000_000, 41.2 s", "185_000_000_000, 3 min 5 s"})
  void elapsedTimes(String nanos, String text) {
    assertThat(FrontierRunner.seconds(Long.parseLong(nanos.replace("_", "")))).isEqualTo(text);
  }
}
