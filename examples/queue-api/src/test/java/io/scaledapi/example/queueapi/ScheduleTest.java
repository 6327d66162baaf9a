package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
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

  @Test
  void theStepShapeHoldsItsStepRateUntilTheDurationEnds() {
    List<Duration> times =
        Schedule.sendTimes(
            LoadConfig.parse(
                new String[] {
                  "--base-rate", "2", "--step-rate", "8", "--step-at", "3", "--duration", "10s"
                }));
    assertThat(times).hasSize(2 * 3 + 8 * 7).isSorted();
    assertThat(times.get(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(times.get(6)).isEqualTo(Duration.ofSeconds(3));
    assertThat(times.get(7)).isEqualTo(Duration.ofMillis(3125));
    assertThat(times.get(times.size() - 1)).isEqualTo(Duration.ofMillis(9875));
  }

  @Test
  void fiveMinutesSteppingUpAt30SecondsSendsForFiveMinutes() {
    List<Duration> times =
        Schedule.sendTimes(
            LoadConfig.parse(
                new String[] {
                  "--shape", "step",
                  "--base-rate", "5",
                  "--step-rate", "200",
                  "--step-at", "30",
                  "--duration", "5m",
                  "--max-requests", "60000"
                }));
    assertThat(times).hasSize(5 * 30 + 200 * 270);
    assertThat(times.get(150)).isEqualTo(Duration.ofSeconds(30));
    assertThat(times.get(times.size() - 1)).isEqualTo(Duration.ofMillis(299_995));
  }

  @Test
  void compressionBringsTheStepForwardButNotTheEnd() {
    List<Duration> times =
        Schedule.sendTimes(
            LoadConfig.parse(
                new String[] {
                  "--step-at",
                  "30",
                  "--compression",
                  "10",
                  "--duration",
                  "6s",
                  "--max-requests",
                  "2000"
                }));
    assertThat(times).hasSize(5 * 30 + 50 * 30);
    assertThat(times.get(150)).isEqualTo(Duration.ofSeconds(3));
    assertThat(times.get(times.size() - 1)).isEqualTo(Duration.ofMillis(5998));
  }
}
