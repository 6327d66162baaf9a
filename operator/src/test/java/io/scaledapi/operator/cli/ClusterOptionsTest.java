package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared options of simulate and backtest, parsed as picocli parses them. */
class ClusterOptionsTest {

  @TempDir Path dir;

  @Command(name = "test")
  static final class Holder {
    @Mixin ClusterOptions options;
  }

  static ClusterOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.options;
  }

  Trace trace() throws IOException {
    return TraceCsv.read(
        Files.writeString(dir.resolve("nasa.csv"), "t_seconds,requests\n0,3\n1,0\n2,5\n"));
  }

  @Test
  void aScaledTracesNameSaysTheScaleAndTheMode() throws IOException {
    Workload poisson =
        parse("--rate-scale", "100").traceWorkload("nasa.csv", trace(), Instant.EPOCH);
    Workload multiplied =
        parse("--rate-scale", "100", "--rate-scale-mode", "multiply")
            .traceWorkload("nasa.csv", trace(), Instant.EPOCH);
    Workload recorded = parse().traceWorkload("nasa.csv", trace(), Instant.EPOCH);

    assertThat(poisson.name()).isEqualTo("nasa.csv x100 (Poisson)");
    assertThat(multiplied.name()).isEqualTo("nasa.csv x100 (multiplied)");
    assertThat(multiplied.arrivals()).containsExactly(300, 0, 500);
    assertThat(recorded.name()).isEqualTo("nasa.csv");
    assertThat(recorded.arrivals()).containsExactly(3, 0, 5);
    assertThat(parse("--rate-scale", "0.5").rateLabel()).isEqualTo(" x0.5 (Poisson)");
  }

  @Test
  void thePoissonDrawFollowsTheSeed() throws IOException {
    Trace t = trace();
    Workload one = parse("--rate-scale", "100").traceWorkload("nasa.csv", t, Instant.EPOCH);
    Workload again =
        parse("--rate-scale", "100", "--seed", "1").traceWorkload("nasa.csv", t, Instant.EPOCH);
    Workload other =
        parse("--rate-scale", "100", "--seed", "2").traceWorkload("nasa.csv", t, Instant.EPOCH);

    assertThat(again).isEqualTo(one);
    assertThat(other.arrivals()).isNotEqualTo(one.arrivals());
    assertThat(one.at(1)).as("drawn at its minute's mean rate").isPositive();
  }

  @Test
  void anUnknownModeIsRefusedNamingTheOptionAndTheChoices() {
    assertThatThrownBy(() -> parse("--rate-scale-mode", "resample").check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rate-scale-mode must be poisson or multiply; got resample");
    assertThat(parse("--rate-scale-mode", "multiply").check()).isNotEmpty();
  }
}
