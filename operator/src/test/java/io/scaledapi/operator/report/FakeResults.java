package io.scaledapi.operator.report;

import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.PolicyResult;
import io.scaledapi.operator.sim.Series;
import io.scaledapi.operator.sim.SimulationResult;
import io.scaledapi.operator.sim.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Simulation results made up for report and table tests, without running the simulator. */
final class FakeResults {

  static final ClusterSpec CLUSTER =
      new ClusterSpec(
          Duration.ofSeconds(60),
          Duration.ZERO,
          10,
          1,
          100,
          Optional.of(Duration.ofSeconds(30)),
          Duration.ofMillis(250),
          Duration.ofSeconds(15),
          1);

  private FakeResults() {}

  /** A result of {@code points} steps of 60 s per policy, with a wave of traffic. */
  static SimulationResult run(String workloadName, int points, List<String> policies) {
    double[] rate = new double[points];
    for (int i = 0; i < points; i++) {
      rate[i] = 100 + 80 * Math.sin(2 * Math.PI * i / Math.max(1, points));
    }
    Workload workload =
        new Workload(workloadName, Instant.parse("2024-01-01T00:00:00Z"), new double[] {1});
    List<PolicyResult> results = new ArrayList<>();
    for (int p = 0; p < policies.size(); p++) {
      double[] replicas = new double[points];
      double[] waits = new double[points];
      for (int i = 0; i < points; i++) {
        replicas[i] = Math.ceil(rate[Math.max(0, i - p)] / 10);
        waits[i] = i % 50 == 0 ? 0.1 * (p + 1) : 0.01;
      }
      results.add(
          result(
              policies.get(p), 1 + p, 0.001 * p, new Series(60, rate, replicas, replicas, waits)));
    }
    return new SimulationResult(workload, CLUSTER, results);
  }

  /** One policy's result: {@code cost} replica-seconds, {@code violating} share. */
  static PolicyResult result(String policy, double cost, double violating, Series series) {
    return new PolicyResult(
        policy,
        1000,
        990,
        10,
        0,
        violating,
        0.05,
        0.4,
        2.5,
        cost,
        7,
        series,
        java.util.Optional.empty(),
        java.util.List.of());
  }

  static Series emptySeries() {
    return new Series(1, new double[1], new double[1], new double[1], new double[1]);
  }
}
