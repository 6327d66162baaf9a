package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.SimulationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The results in words: who violated least, who cost least, and the equal-cost caveat. */
class ResultsSummaryTest {

  /** Policies as "name cost share", e.g. "hpa 1200 0.02". */
  static String summary(String... policies) {
    List<PolicyResult> results = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String p : policies) {
      String[] f = p.split(" ");
      names.add(f[0]);
      results.add(
          FakeResults.result(
              f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), FakeResults.emptySeries()));
    }
    SimulationResult run =
        new SimulationResult(
            FakeResults.run("w", 1, List.of()).workload(), FakeResults.CLUSTER, results);
    return ResultsSummary.of(Comparison.of(run, names), Duration.ofMillis(250));
  }

  static Stream<Arguments> summaries() {
    return Stream.of(
        Arguments.of(
            "the one that violates least costs more",
            new String[] {"ours 1100 0.001", "hpa 1000 0.004", "knative 1050 0.003"},
            "ours let the fewest requests wait longer than the SLO of 250ms: 0.100%, against hpa"
                + " 0.400% and knative 0.300%. hpa cost the least, 1,000 replica-seconds; ours"
                + " 10.0% more and knative 5.0% more. These runs are not at equal cost: a policy"
                + " that runs more replicas lets fewer requests wait, so part of ours' lead may"
                + " be bought with its 10.0% more replica-seconds than hpa. The frontier command"
                + " compares the policies at equal cost."),
        Arguments.of(
            "the one that violates least costs least too, and the oracle is the floor",
            new String[] {"ours 900 0.001", "hpa 1000 0.004", "oracle 800 0"},
            "ours let the fewest requests wait longer than the SLO of 250ms: 0.100%, against hpa"
                + " 0.400%. ours cost the least, 900 replica-seconds; hpa 11.1% more. ours violated"
                + " the SLO least at the least cost: that lead is not bought with replicas. The"
                + " oracle knows the traffic ahead and is no real policy: its 800"
                + " replica-seconds and 0% are the floor."),
        Arguments.of(
            "ties are named together",
            new String[] {"hpa 1000 0.004", "keda 1000 0.004", "knative 1200 0.002"},
            "knative let the fewest requests wait longer than the SLO of 250ms: 0.200%, against"
                + " hpa 0.400% and keda 0.400%. hpa and keda cost the least, 1,000"
                + " replica-seconds; knative 20.0% more. These runs are not at equal cost: a"
                + " policy that runs more replicas lets fewer requests wait, so part of knative's"
                + " lead may be bought with its 20.0% more replica-seconds than hpa. The frontier"
                + " command compares the policies at equal cost."),
        Arguments.of(
            "all alike",
            new String[] {"hpa 1000 0.004", "keda 1000 0.004"},
            "hpa and keda let the fewest requests wait longer than the SLO of 250ms: 0.400%. hpa"
                + " and keda cost the least, 1,000 replica-seconds. hpa and keda violated the SLO"
                + " least at the least cost: that lead is not bought with replicas."),
        Arguments.of(
            "one policy",
            new String[] {"hpa 1000 0.004"},
            "hpa let 0.400% of requests wait longer than the SLO of 250ms, for 1,000"
                + " replica-seconds."),
        Arguments.of(
            "the oracle alone",
            new String[] {"oracle 800 0"},
            "The oracle knows the traffic ahead and is no real policy: its 800 replica-seconds"
                + " and 0% are the floor."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaries")
  void says(String name, String[] policies, String expected) {
    assertThat(summary(policies)).isEqualTo(expected);
  }
}
