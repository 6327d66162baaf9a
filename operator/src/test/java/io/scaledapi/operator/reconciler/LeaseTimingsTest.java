package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.scaledapi.operator.reconciler.ScaledApiOperator.LeaderElection;
import io.scaledapi.operator.reconciler.ScaledApiOperator.LeaseTimings;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeaseTimingsTest {

  @Test
  void leaderElectionDefaultsToTheFrameworksTimings() {
    LeaderElection le = new LeaderElection("lease", Optional.empty(), true);
    assertThat(le.timings())
        .isEqualTo(
            new LeaseTimings(
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
  }

  /** Fails early exactly where the leader elector would fail at start-up, and nowhere else. */
  @Test
  void agreesWithTheLeaderElectorsOwnCheck() {
    long[] millis = {1, 500, 1000, 2000, 2200, 2201, 4000, 4400, 4401, 6000, 15000};
    int accepted = 0;
    for (long lease : millis) {
      for (long renew : millis) {
        for (long retry : millis) {
          Duration l = Duration.ofMillis(lease);
          Duration d = Duration.ofMillis(renew);
          Duration r = Duration.ofMillis(retry);
          boolean elector = electorAccepts(l, d, r);
          boolean ours = accepts(l, d, r);
          assertThat(ours).as("lease %s, renew %s, retry %s", l, d, r).isEqualTo(elector);
          accepted += ours ? 1 : 0;
        }
      }
    }
    assertThat(accepted).as("combinations accepted").isPositive();
  }

  static boolean accepts(Duration lease, Duration renew, Duration retry) {
    try {
      new LeaseTimings(lease, renew, retry);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean electorAccepts(Duration lease, Duration renew, Duration retry) {
    LeaderElectionConfig config =
        new LeaderElectionConfig(
            new LeaseLock("ns", "lease", "me"),
            lease,
            renew,
            retry,
            new LeaderCallbacks(() -> {}, () -> {}, leader -> {}),
            false,
            "lease");
    try {
      new LeaderElectorBuilder(null, Runnable::run).withConfig(config);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            0,
            10,
            2,
            "leaseDuration must be at least 1ms, was PT0S; set it to a positive duration"),
        Arguments.of(
            15,
            -1,
            2,
            "renewDeadline must be at least 1ms, was PT-1S; set it to a positive duration"),
        Arguments.of(
            15,
            15,
            2,
            "leaseDuration PT15S must be longer than renewDeadline PT15S, or a Lease could expire"
                + " while its leader still renews it"),
        Arguments.of(
            15,
            4,
            2,
            "renewDeadline PT4S must be longer than retryPeriod PT2S plus its jitter (PT4.4S);"
                + " raise renewDeadline or lower retryPeriod"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsTimingsWithAMessageNamingTheField(
      int leaseSeconds, int renewSeconds, int retrySeconds, String message) {
    assertThatThrownBy(
            () ->
                new LeaseTimings(
                    Duration.ofSeconds(leaseSeconds),
                    Duration.ofSeconds(renewSeconds),
                    Duration.ofSeconds(retrySeconds)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsAMissingRetryPeriod() {
    assertThatThrownBy(() -> new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), null))
        .hasMessage("retryPeriod must be at least 1ms, was null; set it to a positive duration");
  }
}
