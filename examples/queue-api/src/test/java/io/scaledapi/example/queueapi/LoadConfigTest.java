package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The load generator's command line: its help, its defaults and its errors. */
class LoadConfigTest {

  @Test
  void theUsageListsEveryFlagWithItsDefault() {
    for (String flag : LoadConfig.FLAGS) {
      assertThat(LoadConfig.USAGE).containsPattern("(?m)^  (-h, )?--" + flag + " ");
    }
    assertThat(LoadConfig.USAGE)
        .contains("  -h, --help ")
        .contains("(default http://127.0.0.1:8080/work)")
        .contains("(default step)")
        .contains("(default 5)")
        .contains("(default 50)")
        .contains("(default 30)")
        .contains("(default 1)")
        .contains("(default 60s)")
        .contains("(default 1000)")
        .contains("waits up\nto 10s");
  }

  @Test
  void theDefaultsAreTheOnesTheUsageStates() {
    LoadConfig config = LoadConfig.parse(new String[0]);
    assertThat(config.target()).isEqualTo(URI.create("http://127.0.0.1:8080/work"));
    assertThat(config.compression()).isEqualTo(1.0);
    assertThat(config.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.maxRequests()).isEqualTo(1000);
    assertThat(config.trace()).isEqualTo(Trace.step(5, 50, 30, 60));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "--duration 5m --help", "--port 9 -h"})
  void helpPrintsTheUsageAndExitsZero(String args) throws Exception {
    Run run = execute(args);
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(LoadConfig.USAGE);
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port 9 | unknown flag --port",
        "--max-duration 5m | unknown flag --max-duration",
        "stray | unexpected argument stray",
        "--step-at | --step-at needs a value",
        "--url http://127.0.0.1/ --url http://[::1]/ | --url is given more than once",
        "--base-rate x | --base-rate must be a whole number of at least 1, not x",
        "--step-rate 0 | --step-rate must be a whole number of at least 1, not 0",
        "--compression abc | --compression must be a number greater than 0, not abc",
        "--duration 5 | --duration must be a duration such as 500ms, 30s, 5m or 1h, not 5",
        "--duration 2h | --duration must be over 0 and at most 1h",
        "--max-requests 0 | --max-requests must be a whole number of at least 1, not 0",
        "--max-requests 2000000 | --max-requests must be 1..1000000",
        "--shape ramp | --shape must be step, the only built-in shape",
        "--step-at 30 --duration 20s | --step-at 30 (30.0 s into the run) must come before"
            + " --duration 20s ends it",
        "--step-at 30 --compression 2 --duration 10s | --step-at 30 (15.0 s into the run)"
            + " must come before --duration 10s ends it",
        "--trace t.csv --step-rate 9 | give --trace or --step-rate, not both",
        "--trace no-such-file.csv | --trace: cannot read no-such-file.csv (NoSuchFileException)",
        "--url http://example.com/ | --url: refusing example.com",
        "--target example.com | --target: not a full http(s) URL: example.com"
      })
  void aBadFlagIsOneLineNamingItAndExitsTwo(String args, String message) throws Exception {
    assertThatThrownBy(() -> LoadConfig.parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
    Run run = execute(args);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: " + message).endsWith(" (see --help)\n");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void thePlanSaysWhenMaxRequestsEndsTheRunBeforeTheDuration() {
    LoadConfig capped = LoadConfig.parse(new String[0]);
    assertThat(LoadGenerator.plan(capped, Schedule.sendTimes(capped)))
        .isEqualTo(
            "sending 1000 requests to http://127.0.0.1:8080/work over 47.0 s"
                + " (--max-requests ends it before --duration)");
    LoadConfig full = LoadConfig.parse(new String[] {"--duration", "40s"});
    assertThat(LoadGenerator.plan(full, Schedule.sendTimes(full)))
        .isEqualTo("sending 650 requests to http://127.0.0.1:8080/work over 40.0 s");
  }

  @Test
  void aTraceEndsTheRunWhenItEndsBeforeTheDuration(@TempDir Path dir) throws Exception {
    Path trace = Files.writeString(dir.resolve("trace.csv"), "t_seconds,requests\n0,2\n10,4\n");
    LoadConfig config = LoadConfig.parse(new String[] {"--trace", trace.toString()});
    assertThat(LoadGenerator.plan(config, Schedule.sendTimes(config)))
        .isEqualTo("sending 6 requests to http://127.0.0.1:8080/work over 17.5 s");
  }

  @Test
  void aMalformedTraceNamesTheFlagTheFileAndTheLine(@TempDir Path dir) throws Exception {
    Path trace = Files.writeString(dir.resolve("trace.csv"), "0,2\n10,x\n");
    assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--trace", trace.toString()}))
        .hasMessage("--trace " + trace + ": expected t_seconds,requests but got: 10,x");
  }

  private record Run(int status, String out, String err) {}

  private static Run execute(String args) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        LoadGenerator.execute(
            args.split(" "),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
