package io.scaledapi.operator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/** Hand-made views and metrics for the baseline policies, no simulator. */
final class BaselineFixtures {

  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

  /** 50 requests per second per replica, so a 0.7 target is 35 per replica; at most 100. */
  static final ClusterSpec CLUSTER =
      new ClusterSpec(
          Duration.ofSeconds(60),
          Duration.ZERO,
          50,
          1,
          100,
          Optional.empty(),
          Duration.ofMillis(250),
          Duration.ofSeconds(15),
          1);

  static final Workload WORKLOAD = new Workload("test", START, new double[] {1});

  private BaselineFixtures() {}

  /**
   * Prometheus answering the arrival rate, the served rate and the queue at second {@code t} from
   * functions.
   */
  record FakeMetrics(
      LongToDoubleFunction rate, LongToDoubleFunction queue, LongToDoubleFunction served)
      implements Metrics {

    /** Without a served counter: its rate is NaN, as with no scrapes. */
    FakeMetrics(LongToDoubleFunction rate, LongToDoubleFunction queue) {
      this(rate, queue, t -> Double.NaN);
    }

    @Override
    public double arrivalRate(long t, Duration window) {
      return rate.applyAsDouble(t);
    }

    @Override
    public double servedRate(long t, Duration window) {
      return served.applyAsDouble(t);
    }

    @Override
    public double queueDepth(long t) {
      return queue.applyAsDouble(t);
    }

    @Override
    public double inFlight(long t) {
      return 0;
    }
  }

  static Metrics rate(LongToDoubleFunction rate) {
    return new FakeMetrics(rate, t -> 0);
  }

  static Policy create(PolicyFactory factory) {
    return factory.create(WORKLOAD, CLUSTER);
  }

  /** A view of second {@code t} for the Prometheus-fed policies. */
  static View view(long t, int specReplicas, Metrics metrics) {
    return new View(t, START.plusSeconds(t), specReplicas, specReplicas, metrics, 0, 0);
  }

  /**
   * Asks {@code policy} every period from second 0 for {@code syncs} periods, writing each answer
   * back as the next spec replicas; the answers in order.
   */
  static List<Integer> replay(Policy policy, Metrics metrics, int initialReplicas, int syncs) {
    List<Integer> answers = new ArrayList<>();
    int spec = initialReplicas;
    long period = policy.period().toSeconds();
    for (int i = 0; i < syncs; i++) {
      spec = policy.decide(view(i * period, spec, metrics));
      answers.add(spec);
    }
    return answers;
  }
}
