package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicaHistoryTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static ReplicaHistory.Sample at(long seconds, int desired, int existing, int ready) {
    return new ReplicaHistory.Sample(T0.plusSeconds(seconds), desired, existing, ready);
  }

  /** 1 ready until 10 s, asked 3 at 10 s, 3 exist from 11 s, ready at 20 s, down to 1 at 40 s. */
  static ReplicaHistory scaledUpAndDown() {
    ReplicaHistory history = new ReplicaHistory();
    history.add(at(-5, 1, 1, 1));
    history.add(at(10, 3, 1, 1));
    history.add(at(11, 3, 3, 1));
    history.add(at(20, 3, 3, 3));
    history.add(at(20, 3, 3, 3)); // a repeat is not a change
    history.add(at(40, 1, 1, 1));
    return history;
  }

  @Test
  void replicaSecondsIntegrateEachCountOverTheWindow() {
    ReplicaHistory history = scaledUpAndDown();
    Instant end = T0.plusSeconds(60);
    // ready: 1 x 20 s + 3 x 20 s + 1 x 20 s
    assertThat(history.replicaSeconds(T0, end, ReplicaHistory.Sample::ready))
        .isCloseTo(100, within(1e-9));
    // existing: 1 x 11 s + 3 x 29 s + 1 x 20 s
    assertThat(history.replicaSeconds(T0, end, ReplicaHistory.Sample::existing))
        .isCloseTo(118, within(1e-9));
    // a window inside one sample's time
    assertThat(
            history.replicaSeconds(
                T0.plusSeconds(25), T0.plusSeconds(30), ReplicaHistory.Sample::ready))
        .isCloseTo(15, within(1e-9));
  }

  @Test
  void scaleActionsCountChangesOfTheReplicasAskedForWithinTheWindow() {
    ReplicaHistory history = scaledUpAndDown();
    assertThat(history.scaleActions(T0, T0.plusSeconds(60))).isEqualTo(2);
    assertThat(history.scaleActions(T0.plusSeconds(15), T0.plusSeconds(60))).isEqualTo(1);
    assertThat(history.peakDesired(T0, T0.plusSeconds(60))).isEqualTo(3);
    assertThat(history.peakDesired(T0.plusSeconds(45), T0.plusSeconds(60))).isEqualTo(1);
    assertThat(history.at(T0.plusSeconds(15)).existing()).isEqualTo(3);
  }
}
