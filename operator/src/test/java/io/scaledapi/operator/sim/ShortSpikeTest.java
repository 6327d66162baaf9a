package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A one-minute spike from 50 to 200 requests per second at 2 replicas of 50. Read as a need for a
 * replica per 35 requests waiting, the minute's backlog asks for 170 replicas; once the capacity is
 * known, the decision asks for what the rate and the backlog need.
 */
class ShortSpikeTest {
  static final ClusterSpec CLUSTER =
      new ClusterSpec(
          Duration.ofSeconds(60),
          Duration.ZERO,
          50,
          2,
          200,
          Optional.of(Duration.ofSeconds(30)),
          Duration.ofMillis(250),
          Duration.ofSeconds(15),
          1);

  static Workload spike() {
    double[] arrivals = new double[1200];
    Arrays.fill(arrivals, 50);
    Arrays.fill(arrivals, 600, 660, 200);
    return new Workload("spike", Instant.parse("2024-01-01T00:00:00Z"), arrivals);
  }

  /** The most replicas {@code policy} asked for during the run. */
  static int mostAskedFor(PolicyFactory policy) {
    AtomicInteger most = new AtomicInteger();
    Simulator.run(
        spike(),
        CLUSTER,
        List.of(policy),
        Progress.none(),
        (name, second) -> most.accumulateAndGet(second.specReplicas(), Math::max));
    return most.get();
  }

  @Test
  void withTheCapacityKnownItAsksForWhatTheRateAndTheBacklogNeed() {
    PredictionSpec declared =
        new PredictionSpec(
            true, "auto", "7d", "24h", 0.9, new IntOrString(50), PredictionMode.ENFORCE);
    int known =
        mostAskedFor(
            OursPolicy.factory(
                Optional.of(OursPolicy.defaultSpec(CLUSTER).withPrediction(declared))));
    // at most the rate and the backlog, 6,000 after a minute at 150 req/s over capacity, drained
    // by the next poll: (200 + 6000 / 15) / 35 = 17.1
    assertThat(known).isBetween(mostAskedFor(OraclePolicy.factory()), 18);
  }
}
