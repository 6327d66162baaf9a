package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.report.HtmlReportTest;
import io.scaledapi.operator.report.NuHtmlChecker;
import io.scaledapi.operator.testing.OpenMetricsHistory;
import io.scaledapi.operator.testing.PrometheusLogOnFailure;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.SampleTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest} against a real Prometheus holding three hours of an arrivals counter. */
class BacktestIT {

  /** Requests per second: 20, then 60 from 90 minutes before the end of the history. */
  private static double rate(double epochSecond) {
    return epochSecond < rise.getEpochSecond() ? 20 : 60;
  }

  private static Instant rise;
  private static PrometheusProcess prometheus;

  @RegisterExtension
  static final PrometheusLogOnFailure PRINT_PROMETHEUS_LOG_ON_FAILURE =
      new PrometheusLogOnFailure(() -> prometheus);

  @TempDir Path dir;
  final CliRunner cli = new CliRunner();

  @BeforeAll
  static void startPrometheus() {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
    rise = end.minus(Duration.ofMinutes(90));
    SampleTimes times =
        new SampleTimes(
            end.minus(Duration.ofHours(3)).minusSeconds(600), end, Duration.ofSeconds(15));
    OpenMetricsHistory history =
        OpenMetricsHistory.empty()
            .counter(
                "api_requests_arrived_total", Map.of("app", "checkout"), times, BacktestIT::rate);
    prometheus = PrometheusProcess.startWithHistory(history);
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  String[] backtest(String... more) throws IOException {
    Path spec = Files.writeString(dir.resolve("api.yaml"), CliRunner.SPEC_YAML.formatted(10));
    String[] args = {
      "backtest",
      "--prometheus",
      prometheus.baseUri().toString(),
      "--last",
      "3h",
      "--spec",
      spec.toString(),
      "--report",
      dir.resolve("backtest.html").toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void replaysTheRecordedRateWithTheSpecsQueryAndCapacity() throws IOException {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertThat(cli.run(backtest())).as(cli.err()).isZero();
    Instant after = Instant.now();

    Matcher header =
        Pattern.compile(
                "^Prometheus: sum\\(rate\\(api_requests_arrived_total\\[1m\\]\\)\\):"
                    + " 2 hours 5\\d min(?: \\d+ s)? of arrivals from (\\S+), ([\\d,]+) requests, busiest minute 60 req/s\n")
            .matcher(cli.out());
    assertThat(header.find()).as(cli.out()).isTrue();
    // the real instant of the first point, --last 3h before the command ran; the last point is
    // about a minute before it ran
    assertThat(Instant.parse(header.group(1)))
        .isBetween(before.minus(Duration.ofHours(3)), after.minus(Duration.ofHours(3)));
    assertThat(cli.out())
        .contains("\ncapacity per replica: 10 req/s\n")
        .contains("\nspec for ours:        api.yaml\n\n| policy ")
        .endsWith("\nreport: " + dir.resolve("backtest.html") + "\n");
    // 90 minutes at 20 req/s and about 89 at 60 req/s: the history ends a minute before now
    double requests = Double.parseDouble(header.group(2).replace(",", ""));
    assertThat(requests).isBetween(0.95 * (20 * 5400 + 60 * 5340), 1.05 * (20 * 5400 + 60 * 5400));
    assertThat(cli.tableRows()).hasSize(PolicyCatalog.NAMES.size());
    String html = Files.readString(dir.resolve("backtest.html"));
    assertThat(HtmlReportTest.chartTitles(html))
        .startsWith(HtmlReportTest.OVERVIEW.toArray(String[]::new));
    assertThat(html)
        .contains("<th>Prometheus</th><td>" + prometheus.baseUri() + "</td>")
        .contains("<th>capacity per replica</th><td>10 req/s</td>")
        .containsPattern("every 15s, \\d+ points in 1 range query</td>");
    assertThat(NuHtmlChecker.messages(html)).isEmpty();
  }

  @Test
  void aQueryPrometheusRejectsFailsWithPrometheussText() throws IOException {
    int code = cli.run(backtest("--query", "sum(rate(api_requests_arrived_total[1m])"));

    assertThat(code).isEqualTo(1);
    assertThat(cli.err())
        .startsWith("backtest: loading history stopped at range query 1 of 1")
        .contains("Prometheus rejected the query (bad_data)")
        .contains("parse error");
    assertThat(cli.out()).isEmpty();
    assertThat(dir.resolve("backtest.html")).doesNotExist();
  }

  @Test
  void aQueryWithoutDataSaysSo() throws IOException {
    assertThat(cli.run(backtest("--query", "sum(rate(no_such_metric_total[1m]))"))).isEqualTo(1);

    assertThat(cli.err())
        .startsWith("backtest: --query returned no data from ")
        .contains("check it in Prometheus's graph view: sum(rate(no_such_metric_total[1m]))");
  }
}
