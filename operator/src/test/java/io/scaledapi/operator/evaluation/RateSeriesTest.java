package io.scaledapi.operator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateSeriesTest {

  /** 1 s bins: one request in every second that is a multiple of 3, none in the others. */
  static Trace everyThirdSecond(int seconds) {
    double[] counts = IntStream.range(0, seconds).mapToDouble(i -> i % 3 == 0 ? 1 : 0).toArray();
    return new Trace(0, 1, counts);
  }

  @Test
  void rateOverTheWindowSampledEveryStep() {
    // 1 s bins 0..9 hold 1,0,0,1,0,0,1,0,0,1 requests
    RateSeries series = RateSeries.of(everyThirdSecond(10), 4, 2);
    // windows [0,4) [2,6) [4,8) [6,10) end at 4, 6, 8 and 10 s
    assertThat(series.size()).isEqualTo(4);
    assertThat(IntStream.range(0, 4).mapToLong(series::time).toArray())
        .containsExactly(4, 6, 8, 10);
    assertThat(IntStream.range(0, 4).mapToDouble(series::rate).toArray())
        .containsExactly(2 / 4.0, 1 / 4.0, 1 / 4.0, 2 / 4.0);
  }

  @Test
  void binsWiderThanASecond() {
    Trace trace = new Trace(1000, 60, new double[] {60, 120, 180, 240});
    RateSeries series = RateSeries.of(trace, 120, 60);
    assertThat(series.size()).isEqualTo(3);
    assertThat(series.time(0)).isEqualTo(1120);
    assertThat(IntStream.range(0, 3).mapToDouble(series::rate).toArray())
        .containsExactly(1.5, 2.5, 3.5);
  }

  @ParameterizedTest(name = "bin {0} s -> step {1} s")
  @CsvSource({"1, 15", "5, 15", "7, 21", "15, 15", "60, 60", "300, 300"})
  void defaultStep(long bin, long step) {
    assertThat(RateSeries.defaultStep(bin)).isEqualTo(step);
  }

  @Test
  void windowAndStepMustBeMultiplesOfTheBin() {
    Trace trace = new Trace(0, 60, new double[] {1, 2, 3, 4});
    assertThatThrownBy(() -> RateSeries.of(trace, 90, 60))
        .hasMessage(
            "--window 90s must be a positive multiple of the trace's 60 s bins;"
                + " try --window 120s");
    assertThatThrownBy(() -> RateSeries.of(trace, 60, 15))
        .hasMessage(
            "--step 15s must be a positive multiple of the trace's 60 s bins;" + " try --step 60s");
    assertThatThrownBy(() -> RateSeries.of(trace, 300, 60))
        .hasMessage("--window 300s is longer than the trace (240 s); use a shorter window");
  }
}
