package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.scaledapi.operator.report.AccuracyTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The forecast-accuracy command on small synthetic traces, through the real command line. */
class ForecastAccuracyCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** A trace of 60 s bins over {@code days} days, {@code requests(i)} in bin i. */
  Path trace(double days, IntToDoubleFunction requests) throws IOException {
    StringBuilder csv = new StringBuilder("t_seconds,requests\n");
    for (int i = 0; i < days * 1440; i++) {
      csv.append(i * 60).append(',').append((long) requests.applyAsDouble(i)).append('\n');
    }
    return Files.writeString(dir.resolve("trace.csv"), csv);
  }

  int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** The cells of the table row whose name starts with {@code name}. */
  List<String> row(String name) {
    Matcher m =
        Pattern.compile("(?m)^\\| " + Pattern.quote(name) + "[^|]* \\|(.*)\\|$")
            .matcher(out.toString());
    assertThat(m.find()).as(name + " in\n" + out).isTrue();
    return List.of(m.group(1).strip().split("\\s*\\|\\s*"));
  }

  @Test
  void aConstantTraceIsForecastWithoutError() throws IOException {
    Path file = trace(2.5, i -> 600);
    assertThat(run(args(file))).isZero();
    assertThat(out.toString())
        .contains(
            "trace.csv: 3600 bins of 60 s; rate over 60 s sampled every 60 s: 3600 samples;"
                + " scored from the second day on: 2159 forecasts at the shortest horizon.")
        .contains("| sMAPE | 60 s | 120 s | 300 s |");
    assertThat(row(AccuracyTable.OURS)).containsExactly("0.00%", "0.00%", "0.00%");
    assertThat(row(AccuracyTable.LAST)).containsExactly("0.00%", "0.00%", "0.00%");
    assertThat(row(AccuracyTable.YESTERDAY)).containsExactly("0.00%", "0.00%", "0.00%");
    assertThat(row(AccuracyTable.HINDSIGHT)).containsExactly("0.00%", "0.00%", "0.00%");
    // nothing to improve on: no reduction can be computed
    assertThat(row(AccuracyTable.OURS_GAIN)).containsExactly("n/a", "n/a", "n/a");
    assertThat(err.toString()).contains("forecast-accuracy: 100% of 3600 samples walked");
  }

  @Test
  void aStrictlyDailyTraceIsForecastExactlyByYesterday() throws IOException {
    // the same daily swing every day, 20 to 100 requests a minute
    Path file = trace(3, i -> 60 + 40 * Math.sin(2 * Math.PI * i / 1440));
    assertThat(run(args(file, "--horizons", "5m,1h"))).isZero();
    assertThat(row(AccuracyTable.YESTERDAY)).containsExactly("0.00%", "0.00%");
    assertThat(row(AccuracyTable.BETTER_NAIVE))
        .containsExactly("same time yesterday", "same time yesterday");
    List<String> last = row(AccuracyTable.LAST);
    List<String> ours = row(AccuracyTable.OURS);
    // an hour ahead the last value is far off; ours knows the swing after one day
    assertThat(percent(last.get(1))).isGreaterThan(10);
    assertThat(percent(ours.get(1))).isLessThan(percent(last.get(1)) / 2);
    assertThat(row(AccuracyTable.COVERAGE)).hasSize(2);
  }

  @Test
  void noisyTraceReportsEveryRow() throws IOException {
    Random random = new Random(4);
    Path file = trace(2.2, i -> Math.max(0, swing(i) + 40 * random.nextGaussian()));
    String[] args = {"--step", "120s", "--window", "2m", "--horizons", "2m,4m"};
    assertThat(run(args(file, args))).isZero();
    List<String> ours = row(AccuracyTable.OURS);
    List<String> last = row(AccuracyTable.LAST);
    assertThat(ours).hasSize(2).allMatch(c -> c.matches("\\d+\\.\\d\\d%"));
    List<String> yesterday = row(AccuracyTable.YESTERDAY);
    List<String> gain = row(AccuracyTable.OURS_GAIN);
    for (int j = 0; j < 2; j++) {
      double naive = Math.min(percent(last.get(j)), percent(yesterday.get(j)));
      double expected = 100 * (naive - percent(ours.get(j))) / naive;
      assertThat(percent(gain.get(j))).isCloseTo(expected, offset(0.1));
    }
    assertThat(row(AccuracyTable.COVERAGE)).allMatch(c -> percent(c) > 50 && percent(c) < 100);
  }

  @Test
  void badInputFailsWithTheLineAndTheFix() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), "t_seconds,requests\n0,1\n60,x\n");
    assertThat(run(args(file))).isEqualTo(2);
    assertThat(err.toString()).contains("line 3: requests must be a number, got 'x'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void optionsThatDoNotFitTheTraceAreRefused() throws IOException {
    Path file = trace(1.5, i -> 10);
    assertThat(run(args(file, "--horizons", "90s"))).isEqualTo(2);
    assertThat(err.toString()).contains("--horizons 90s is not a multiple of --step 60s");
    assertThat(run(args(file, "--horizons", "12h"))).isEqualTo(2);
    assertThat(err.toString()).contains("scoring starts one day in");
    assertThat(run(args(dir.resolve("missing.csv")))).isEqualTo(2);
    assertThat(err.toString()).contains("no such file: ");
  }

  @Test
  void theHelpNamesEveryValueWithItsUnit() {
    assertThat(run("forecast-accuracy", "--help")).isZero();
    assertThat(out.toString())
        .contains("--trace=FILE.csv", "--step=DURATION", "--window=DURATION", "--confidence=P")
        .contains("--horizons=DURATION[,DURATION...]", "DURATION is whole seconds: 90, 15s, 2m")
        .contains("Default: 60s,120s,300s.")
        .doesNotContainPattern("=<\\w+>");
  }

  /** A daily swing between 100 and 500 requests a minute. */
  static double swing(int minute) {
    return 300 + 200 * Math.sin(2 * Math.PI * minute / 1440);
  }

  static String[] args(Path file, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "forecast-accuracy";
    args[1] = "--trace";
    args[2] = file.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return args;
  }

  static double percent(String cell) {
    return Double.parseDouble(cell.replace("%", ""));
  }
}
