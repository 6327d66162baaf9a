package io.scaledapi.operator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The capacity the operator learns in the simulator ends near the true capacity per replica. */
public class LearnedCapacityTest {

  public static final double TRUE_CAPACITY = 50;

  static Stream<String> everyBuiltInWorkload() {
    return BuiltInWorkloads.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyBuiltInWorkload")
  void learnsWithinTenPercentOfTheTrueCapacity(String name) {
    assertThat(learnedCapacity(BuiltInWorkloads.named(name, 1, 1)))
        .isCloseTo(TRUE_CAPACITY, within(0.1 * TRUE_CAPACITY));
  }

  /**
   * The capacity per replica ours has learned at the end of {@code workload}, on the simulator's
   * default cluster with {@link #TRUE_CAPACITY} per replica.
   */
  public static double learnedCapacity(Workload workload) {
    ClusterSpec cluster =
        new ClusterSpec(
            Duration.ofSeconds(60),
            Duration.ZERO,
            TRUE_CAPACITY,
            1,
            200,
            Optional.of(Duration.ofSeconds(30)),
            Duration.ofMillis(250),
            Duration.ofSeconds(15),
            1);
    OursPolicy ours = (OursPolicy) OursPolicy.factory(Optional.empty()).create(workload, cluster);
    Simulator.run(workload, cluster, List.of((w, c) -> ours), Progress.none());
    assertThat(ours.learnedCapacity()).as("capacity learned on %s", workload.name()).isPresent();
    return ours.learnedCapacity().getAsDouble();
  }
}
