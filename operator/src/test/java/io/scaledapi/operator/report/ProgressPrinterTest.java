package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines: quiet for short runs, then every 5% per policy, at most one a second. */
class ProgressPrinterTest {

  final StringWriter err = new StringWriter();
  final AtomicLong nanos = new AtomicLong(1_000);
  final ProgressPrinter progress =
      new ProgressPrinter(new PrintWriter(err, true), "simulate", nanos::get);

  /** Reports 1% to 100% of 1000 s for {@code policy}, the clock moving {@code millis} per call. */
  void walk(String policy, long millis) {
    for (long s = 10; s <= 1000; s += 10) {
      nanos.addAndGet(millis * 1_000_000);
      progress.at(policy, s, 1000);
    }
  }

  @Test
  void aShortRunPrintsNothing() {
    walk("hpa", 10);

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aLongRunPrintsEveryFivePercentAtMostOnceASecond() {
    nanos.addAndGet(ProgressPrinter.QUIET_NANOS);
    walk("hpa", 1000);
    walk("ours", 100);

    List<String> lines = err.toString().lines().toList();
    assertThat(lines.stream().filter(l -> l.contains(" hpa "))).hasSize(20);
    assertThat(lines.get(0))
        .isEqualTo("simulate: hpa        5% (50 of 1,000 s simulated) after 7.0 s");
    // a line a second: every tenth call, 10% apart; the last one at 100% in any case
    assertThat(lines.stream().filter(l -> l.contains(" ours "))).hasSize(10);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("simulate: ours     100% (1,000 of 1,000 s simulated) after 112.0 s");
  }
}
