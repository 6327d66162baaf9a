package io.scaledapi.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMetricsHistoryTest {

  private static final Instant FROM = Instant.ofEpochSecond(1_000_000);
  private static final SampleTimes THREE_MINUTES =
      new SampleTimes(FROM, FROM.plusSeconds(180), Duration.ofMinutes(1));

  @Test
  void counterGrowsByItsRateAtEachStepsMidpoint() {
    OpenMetricsHistory history =
        OpenMetricsHistory.empty()
            .counter("api_requests_total", Map.of("route", "/a"), THREE_MINUTES, t -> t - 1e6);

    assertThat(history.text())
        .isEqualTo(
            """
            # TYPE api_requests counter
            api_requests_total{route="/a"} 0.0 1000000
            api_requests_total{route="/a"} 1800.0 1000060
            api_requests_total{route="/a"} 7200.0 1000120
            api_requests_total{route="/a"} 16200.0 1000180
            # EOF
            """);
  }

  @Test
  void gaugeFollowsItsFunctionAndSeriesOfOneFamilyStayTogether() {
    SampleTimes twoSamples = new SampleTimes(FROM, FROM.plusMillis(1500), Duration.ofMillis(1500));
    OpenMetricsHistory history =
        OpenMetricsHistory.empty()
            .gauge("depth", Map.of("queue", "a"), twoSamples, t -> t)
            .counter("other_total", Map.of(), twoSamples, t -> 0)
            .gauge("depth", Map.of("queue", "b\"c"), twoSamples, t -> Double.NaN);

    assertThat(history.text())
        .isEqualTo(
            """
            # TYPE depth gauge
            depth{queue="a"} 1000000.0 1000000
            depth{queue="a"} 1000001.5 1000001.5
            depth{queue="b\\"c"} NaN 1000000
            depth{queue="b\\"c"} NaN 1000001.5
            # TYPE other counter
            other_total 0.0 1000000
            other_total 0.0 1000001.5
            # EOF
            """);
    assertThat(history.sampleCount()).isEqualTo(6);
  }

  @Test
  void emptyHistoryIsOnlyTheEndMarker() {
    assertThat(OpenMetricsHistory.empty().text()).isEqualTo("# EOF\n");
  }

  @Test
  void invalidSeriesAreRejected() {
    OpenMetricsHistory empty = OpenMetricsHistory.empty();
    assertThatThrownBy(() -> empty.counter("requests", Map.of(), THREE_MINUTES, t -> 1))
        .hasMessageContaining("must end in _total");
    assertThatThrownBy(() -> empty.gauge("bad-name", Map.of(), THREE_MINUTES, t -> 1))
        .hasMessageContaining("invalid metric name");
    assertThatThrownBy(() -> empty.gauge("depth", Map.of("__x", "1"), THREE_MINUTES, t -> 1))
        .hasMessageContaining("invalid label name");
    OpenMetricsHistory counter = empty.counter("x_total", Map.of(), THREE_MINUTES, t -> 1);
    assertThatThrownBy(() -> counter.gauge("x", Map.of(), THREE_MINUTES, t -> 1))
        .hasMessageContaining("family x is already a COUNTER");
    OpenMetricsHistory negative = empty.counter("y_total", Map.of(), THREE_MINUTES, t -> -1);
    assertThatThrownBy(negative::text).hasMessageContaining("must be >= 0");
  }

  @Test
  void sampleTimesCountBothEnds() {
    assertThat(THREE_MINUTES.count()).isEqualTo(4);
    assertThat(THREE_MINUTES.at(3)).isEqualTo(FROM.plusSeconds(180));
    assertThat(new SampleTimes(FROM, FROM.plusSeconds(179), Duration.ofMinutes(1)).count())
        .isEqualTo(3);
    assertThatThrownBy(() -> new SampleTimes(FROM, FROM.minusSeconds(1), Duration.ofMinutes(1)))
        .hasMessageContaining("before");
    assertThatThrownBy(() -> new SampleTimes(FROM, FROM, Duration.ZERO))
        .hasMessageContaining("positive");
  }
}
