package io.scaledapi.operator.sim;

import static io.scaledapi.operator.sim.SimFixtures.policy;
import static io.scaledapi.operator.sim.SimFixtures.run;
import static io.scaledapi.operator.sim.SimFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.scaledapi.operator.sim.SimFixtures.Cluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a policy reads from the simulated Prometheus: scraped, windowed, late. */
class ScrapedMetricsTest {

  /**
   * Scrapes every 15 s of an arrivals counter growing 10 a second until 100 s, then 30 a second,
   * and a served counter growing 10 a second until 120 s, then 20 a second.
   */
  private static Scrapes scrapes() {
    Scrapes s = new Scrapes(Duration.ofSeconds(15));
    for (long t = 15; t <= 300; t += 15) {
      s.add(t, counter(t), servedCounter(t), t, -t);
    }
    return s;
  }

  private static double counter(long t) {
    return t <= 100 ? 10 * t : 1000 + 30 * (t - 100);
  }

  private static double servedCounter(long t) {
    return t <= 120 ? 10 * t : 1200 + 20 * (t - 120);
  }

  @ParameterizedTest(name = "rate at {0} over {1} s = {2}")
  @CsvSource({
    // scrapes 15..60 inside (0, 60]: (600 - 150) / 45
    "60, 60, 10",
    // 45 and 60 inside (37, 67]
    "67, 30, 10",
    // 90 and 105 inside (75, 105]: (1150 - 900) / 15
    "105, 30, 16.666666666666668",
    // 75..135 inside (74, 135]: (2050 - 750) / 60
    "135, 61, 21.666666666666668",
    // 120..180 inside (119, 180]: all after the change
    "180, 61, 30"
  })
  void rateIsTheIncreaseBetweenTheFirstAndLastScrapeInTheWindow(long t, long window, double rate) {
    assertThat(scrapes().arrivalRate(t, Duration.ofSeconds(window))).isCloseTo(rate, within(1e-9));
  }

  @ParameterizedTest(name = "served rate at {0} over {1} s = {2}")
  @CsvSource({
    // scrapes 15..60 inside (0, 60]: (600 - 150) / 45
    "60, 60, 10",
    // 75..135 inside (74, 135]: (1200 + 15 x 20 - 750) / 60
    "135, 61, 12.5",
    // 105 and 120 inside (90, 120]: all before the change
    "120, 30, 10",
    // 120..180 inside (119, 180]: (2400 - 1200) / 60
    "180, 61, 20"
  })
  void servedRateHasTheContractOfTheArrivalRate(long t, long window, double rate) {
    assertThat(scrapes().servedRate(t, Duration.ofSeconds(window))).isCloseTo(rate, within(1e-9));
  }

  @Test
  void rateNeedsTwoScrapesInTheWindow() {
    Scrapes s = scrapes();
    assertThat(s.arrivalRate(60, Duration.ofSeconds(15))).isNaN();
    assertThat(s.arrivalRate(64, Duration.ofSeconds(10))).isNaN();
    assertThat(s.arrivalRate(20, Duration.ofMinutes(5))).isNaN();
    assertThat(s.arrivalRate(10, Duration.ofMinutes(5))).isNaN();
    assertThat(s.arrivalRate(30, Duration.ofSeconds(16))).isCloseTo(10, within(1e-9));
    assertThat(s.servedRate(60, Duration.ofSeconds(15))).isNaN();
    assertThat(s.servedRate(10, Duration.ofMinutes(5))).isNaN();
    assertThat(s.servedRate(30, Duration.ofSeconds(16))).isCloseTo(10, within(1e-9));
  }

  @Test
  void gaugesAreTheLastScrapeAtOrBeforeTheQuery() {
    Scrapes s = scrapes();
    assertThat(s.queueDepth(14)).isNaN();
    assertThat(s.inFlight(14)).isNaN();
    assertThat(s.queueDepth(15)).isEqualTo(15);
    assertThat(s.queueDepth(29)).isEqualTo(15);
    assertThat(s.inFlight(44)).isEqualTo(-30);
    assertThat(s.queueDepth(1000)).isEqualTo(300);
  }

  @Test
  void keepsOneHourOfScrapes() {
    Scrapes s = new Scrapes(Duration.ofSeconds(1));
    for (long t = 0; t <= 4 * 3600; t++) {
      s.add(t, 2.0 * t, 1.5 * t, 0, 0);
    }
    assertThat(s.arrivalRate(4 * 3600, Duration.ofMinutes(10))).isCloseTo(2, within(1e-9));
    assertThat(s.servedRate(4 * 3600, Duration.ofMinutes(59))).isCloseTo(1.5, within(1e-9));
    assertThat(s.arrivalRate(4 * 3600, Duration.ofMinutes(59))).isCloseTo(2, within(1e-9));
    assertThatThrownBy(() -> s.arrivalRate(4 * 3600, Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT1H");
    assertThatThrownBy(() -> s.servedRate(4 * 3600, Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.add(10, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Through a run: 10 requests a second for 100 s, then 30, into one replica of 20 a second,
   * scraped every 15 s. From 100 s the queue grows by 10 a second, and the policy sees it only at
   * scrapes. A request taken from the queue in second s is in service through s and served from s +
   * 1, so the scrape at t counts as served those taken up to second t - 2: 10 (t - 1) up to t =
   * 101, then 20 more for each second.
   */
  @Test
  void policiesSeeTheClusterThroughScrapes() {
    double[] arrivals = new double[200];
    Arrays.fill(arrivals, 0, 100, 10);
    Arrays.fill(arrivals, 100, 200, 30);
    Map<Long, double[]> seen = new HashMap<>();
    PolicyFactory reader =
        policy(
            "reader",
            v -> {
              Metrics m = v.metrics();
              seen.put(
                  v.t(),
                  new double[] {
                    m.arrivalRate(v.t(), Duration.ofMinutes(1)),
                    m.queueDepth(v.t()),
                    m.inFlight(v.t()),
                    m.servedRate(v.t(), Duration.ofMinutes(1))
                  });
              return 1;
            });
    Cluster c = Cluster.standard().capacity(20).replicas(1, 1).scrape(Duration.ofSeconds(15));
    run(workload(arrivals), c, null, reader);

    // scrapes 75..120 inside (60, 120]: (1000 + 20 * 30 - 750) / 45
    assertThat(seen.get(120L)[0]).isCloseTo(850.0 / 45, within(1e-9));
    // served counter at 75 is 740, at 120 it is 1000 + 19 x 20 = 1380
    assertThat(seen.get(120L)[3]).isCloseTo(640.0 / 45, within(1e-9));
    // scrapes 15..60 inside (0, 60]: (590 - 140) / 45
    assertThat(seen.get(60L)[3]).isCloseTo(10, within(1e-9));
    // at 110 the last scrape was at 105: 5 s of growth, 20 in service
    assertThat(seen.get(110L)[1]).isCloseTo(50, within(1e-9));
    assertThat(seen.get(110L)[2]).isCloseTo(20, within(1e-9));
    assertThat(seen.get(104L)[1]).isCloseTo(0, within(1e-9));
    assertThat(seen.get(104L)[2]).isCloseTo(10, within(1e-9));
    // second 0 sees the pre-history: the first minute's 10 a second, none waiting, 10 in service
    assertThat(seen.get(0L)).containsExactly(new double[] {10, 0, 10, 10}, within(1e-9));
  }
}
