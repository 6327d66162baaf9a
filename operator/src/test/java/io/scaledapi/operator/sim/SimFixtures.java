package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Clusters, workloads and simple policies for the simulator's tests. */
final class SimFixtures {

  private SimFixtures() {}

  /** A cluster under test, changed one field at a time. */
  record Cluster(
      Duration startup,
      Duration jitter,
      double capacity,
      int initial,
      int max,
      Optional<Duration> timeout,
      Duration slo,
      Duration scrape,
      long seed) {

    static Cluster standard() {
      return new Cluster(
          Duration.ofSeconds(60),
          Duration.ZERO,
          50,
          1,
          100,
          Optional.empty(),
          Duration.ofMillis(250),
          Duration.ofSeconds(15),
          1);
    }

    Cluster startup(Duration s, Duration j) {
      return new Cluster(s, j, capacity, initial, max, timeout, slo, scrape, seed);
    }

    Cluster capacity(double c) {
      return new Cluster(startup, jitter, c, initial, max, timeout, slo, scrape, seed);
    }

    Cluster replicas(int i, int m) {
      return new Cluster(startup, jitter, capacity, i, m, timeout, slo, scrape, seed);
    }

    Cluster timeout(Duration t) {
      return new Cluster(
          startup, jitter, capacity, initial, max, Optional.of(t), slo, scrape, seed);
    }

    Cluster slo(Duration s) {
      return new Cluster(startup, jitter, capacity, initial, max, timeout, s, scrape, seed);
    }

    Cluster scrape(Duration s) {
      return new Cluster(startup, jitter, capacity, initial, max, timeout, slo, s, seed);
    }

    Cluster seed(long s) {
      return new Cluster(startup, jitter, capacity, initial, max, timeout, slo, scrape, s);
    }

    ClusterSpec spec() {
      return new ClusterSpec(startup, jitter, capacity, initial, max, timeout, slo, scrape, seed);
    }
  }

  static Workload workload(double... arrivals) {
    return new Workload("test", BuiltInWorkloads.START, arrivals);
  }

  /** {@code seconds} seconds of {@code rate}, then {@code quiet} seconds of nothing. */
  static Workload burst(double rate, int seconds, int quiet) {
    double[] arrivals = new double[seconds + quiet];
    Arrays.fill(arrivals, 0, seconds, rate);
    return workload(arrivals);
  }

  /** Seconds {@code from} to {@code to} of a workload. */
  static Workload slice(Workload w, int from, int to) {
    return new Workload(
        w.name() + " [" + from + "," + to + ")",
        w.start().plusSeconds(from),
        Arrays.copyOfRange(w.arrivals(), from, to));
  }

  /** A policy deciding every second with {@code decide}. */
  static PolicyFactory policy(String name, ToIntFunction<View> decide) {
    return (workload, cluster) ->
        new Policy() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public Duration period() {
            return Duration.ofSeconds(1);
          }

          @Override
          public int decide(View view) {
            return decide.applyAsInt(view);
          }
        };
  }

  static PolicyFactory always(int n) {
    return policy("always-" + n, v -> n);
  }

  /** Asks at the given seconds for the given replicas, and otherwise keeps what it has. */
  static PolicyFactory scripted(Map<Integer, Integer> script) {
    return policy("scripted", v -> script.getOrDefault((int) v.t(), v.specReplicas()));
  }

  /** Replicas for the last second's requests with some headroom: reacts, never foresees. */
  static PolicyFactory reactive(double headroom, double capacity) {
    return policy(
        "reactive-" + headroom, v -> (int) Math.ceil(v.requestsLastSecond() * headroom / capacity));
  }

  /** Every second the run went through, per policy. */
  static final class Recorder implements Replay.Observer {
    final List<Replay.Second> steps = new ArrayList<>();

    @Override
    public void after(String policy, Replay.Second step) {
      steps.add(step);
    }

    Replay.Second at(int t) {
      return steps.get(t);
    }
  }

  static SimulationResult run(Workload w, Cluster c, Replay.Observer seen, PolicyFactory... ps) {
    return Simulator.run(w, c.spec(), List.of(ps), Progress.none(), seen);
  }
}
