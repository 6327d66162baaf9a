package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Send times from a trace, a compression factor and the two bounds. */
class ScheduleTest {
  private static final Trace TRACE =
      Trace.parseCsv(List.of("t_seconds,requests", "0,2", "10,4", "", "20,1"));

  @ParameterizedTest(name = "compression {0}, max {1} requests, max {2} ms -> {3} sends")
  @CsvSource({
    "1, 1000, 60000, 7, 5000",
    "1, 3, 60000, 3, 5000",
    "1, 1000, 10000, 2, 5000",
    "10, 1000, 60000, 7, 500",
    "10, 1000, 1000, 2, 500"
  })
  void boundsAndCompression(
      double compression, int maxRequests, long maxMillis, int sends, long secondMillis) {
    List<Duration> times =
        Schedule.sendTimes(TRACE, compression, maxRequests, Duration.ofMillis(maxMillis));
    assertThat(times).hasSize(sends).isSorted();
    if (sends >= 2) {
      assertThat(times.get(1)).isEqualTo(Duration.ofMillis(secondMillis));
    }
    assertThat(times).allMatch(t -> t.toMillis() < maxMillis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0,1|1,x", "5,1|2,1", "0,-1", "0 1", ""})
  void rejectsMalformedTraces(String rows) {
    assertThatThrownBy(() -> Trace.parseCsv(List.of(rows.split("\\|"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"2, 8, 3, 2, 8, 30"})
  void theStepShapeRisesAtTheStep(int base, int step, int at, int first, int last, int total) {
    Trace trace = Trace.step(base, step, at);
    assertThat(trace.rows()).hasSize(2 * at);
    assertThat(trace.rows().get(0).requests()).isEqualTo(first);
    assertThat(trace.rows().get(2 * at - 1).requests()).isEqualTo(last);
    assertThat(trace.rows().stream().mapToInt(Trace.Row::requests).sum()).isEqualTo(total);
  }
}
