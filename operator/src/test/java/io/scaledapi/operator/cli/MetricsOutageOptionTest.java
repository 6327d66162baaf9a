package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.MetricsOutage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --metrics-outage}: how it is written, and what a run with one prints. */
class MetricsOutageOptionTest {

  @TempDir Path dir;
  final CliRunner cli = new CliRunner();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2h+10m | 7200 | 600",
        "0+90s | 0 | 90",
        " 1d6h+1m30s  | 108000 | 90",
        "15m30s+1h | 930 | 3600",
      })
  void readsFromAndDuration(String text, long from, long seconds) {
    MetricsOutage outage = new MetricsOutageConverter().convert(text);

    assertThat(outage.startSecond()).isEqualTo(from);
    assertThat(outage.duration()).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(outage.endSecond()).isEqualTo(from + seconds);
  }

  @Test
  void repeatsAndIsNoneByDefault() {
    ClusterOptions two =
        ClusterOptionsTest.parse("--metrics-outage", "2h+10m", "--metrics-outage", "30m+1m");

    assertThat(two.metricsOutages)
        .extracting(MetricsOutage::label)
        .containsExactly("2h+10m", "30m+1m");
    assertThat(ClusterOptionsTest.parse().metricsOutages).isEmpty();
  }

  /** Two hours in 60 s bins: 20 req/s, with a jump to 150 req/s for the second hour. */
  Path trace() throws IOException {
    StringBuilder csv = new StringBuilder("t_seconds,requests\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i * 60).append(',').append(i < 60 ? 1200 : 9000).append('\n');
    }
    return Files.writeString(dir.resolve("trace.csv"), csv);
  }

  @Test
  void aRunSaysWhenPrometheusWasDownAndTheReplicasAroundIt() throws IOException {
    int code =
        cli.run(
            "simulate",
            "--trace",
            trace().toString(),
            "--capacity",
            "10",
            "--policies",
            "ours,hpa,keda,knative",
            "--metrics-outage",
            "55m+10m",
            "--report",
            dir.resolve("report.html").toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("\nPrometheus down (from+for): 55m+10m\n")
        .contains(
            "\n\nPrometheus down from 55m to 1h5m (55m+10m): replicas when it went down -> when"
                + " it came back (fewest-most in between)\nours:    ");
    // the traffic jumps sevenfold at 1h, in the outage: the HPA and KEDA hold what they had,
    // Knative, fed by its queue-proxies, follows the jump
    assertThat(cli.out()).containsPattern("\nhpa: +(\\d+) -> \\1 \\(\\1-\\1\\)\n");
    assertThat(cli.out()).containsPattern("\nkeda: +(\\d+) -> \\1 \\(\\1-\\1\\)\n");
    Matcher knative =
        Pattern.compile("\nknative: +(\\d+) -> (\\d+) \\(\\d+-\\d+\\)\n").matcher(cli.out());
    assertThat(knative.find()).as(cli.out()).isTrue();
    assertThat(Integer.parseInt(knative.group(2)))
        .isGreaterThan(Integer.parseInt(knative.group(1)));
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<th>Prometheus down (from+for)</th><td>55m+10m</td>");
  }

  @Test
  void withoutAnOutageNothingIsSaidOfOne() throws IOException {
    int code =
        cli.run(
            "simulate",
            "--trace",
            trace().toString(),
            "--capacity",
            "10",
            "--policies",
            "hpa",
            "--report",
            dir.resolve("report.html").toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).doesNotContain("Prometheus down");
  }
}
