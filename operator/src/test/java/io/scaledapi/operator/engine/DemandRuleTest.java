package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withUtilization;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemandRuleTest {

  private static Provisioning capacity(double perReplica, long drainSeconds) {
    return new Provisioning(
        perReplica,
        "Learned",
        Duration.ofSeconds(drainSeconds),
        Duration.ofSeconds(15),
        OptionalDouble.empty());
  }

  @ParameterizedTest(name = "{0} req/s, backlog {1}, at {2}: {6} {7}")
  @CsvSource({
    // rate, backlog, current, capacity, utilization, drain s, replicas, reason
    "200, 0, 2, 50, 0.7, 75, 6, DEMAND",
    "200, 3000, 2, 50, 0.7, 75, 7, DEMAND",
    "50, 6000, 2, 50, 0.7, 60, 5, DEMAND",
    "200, 6000, 2, 50, 0.7, 75, 8, DEMAND",
    "200, 6001, 2, 50, 0.7, 75, 9, DEMAND",
    "70, 0, 2, 50, 0.7, 75, 2, WITHIN_TOLERANCE",
    "75, 0, 2, 50, 0.7, 75, 2, WITHIN_TOLERANCE",
    "80, 0, 2, 50, 0.7, 75, 3, DEMAND",
    "0, 0, 3, 50, 0.7, 75, 0, DEMAND",
    "35, 0, 0, 50, 0.7, 75, 1, DEMAND",
    "200, 0, 2, 50, 1.0, 75, 4, DEMAND",
    "200, 0, 2, 50, 0.5, 75, 8, DEMAND",
    "200, -40, 2, 50, 0.7, 75, 6, DEMAND",
    "1e300, 0, 2, 1e-300, 0.7, 75, 2147483647, DEMAND"
  })
  void provisionsForTheRateAndTheBacklogDrainedOverTheBudget(
      double rate,
      double backlog,
      int current,
      double perReplica,
      double utilization,
      long drainSeconds,
      int replicas,
      Reason reason) {
    ScalingSpec spec = withUtilization(spec(0, 100, 10), utilization);
    Proposal proposal =
        DemandRule.proposal(rate, backlog, current, spec, capacity(perReplica, drainSeconds));
    assertThat(proposal.replicas()).isEqualTo(replicas);
    assertThat(proposal.reason()).isEqualTo(reason);
  }

  @Test
  void aRiseSeenThroughTheQueueCountsBeforeTheRateQueryShowsIt() {
    Provisioning seen =
        new Provisioning(
            50, "Learned", Duration.ofSeconds(75), Duration.ofSeconds(15), OptionalDouble.of(230));
    Proposal rising = DemandRule.proposal(100, 0, 2, spec(1, 100, 10), seen);
    assertThat(rising.replicas()).isEqualTo(7); // 230 / 35
    assertThat(rising.message()).startsWith("inflow through the queue 230 req/s + backlog 0");
    Proposal falling = DemandRule.proposal(300, 0, 2, spec(1, 100, 10), seen);
    assertThat(falling.replicas()).isEqualTo(9); // 300 / 35: the larger of the two
    assertThat(falling.message()).startsWith("arrivals 300 req/s");
  }

  @Test
  void saysWhatItProvisionedFor() {
    Proposal proposal = DemandRule.proposal(200, 3000, 2, spec(1, 100, 10), capacity(50, 75));
    assertThat(proposal.message())
        .isEqualTo(
            "arrivals 200 req/s + backlog 3000 over 75s at 35 req/s per replica (70% of 50)"
                + " -> 7 replicas");
  }

  private static Decision decide(Signals signals, Optional<Provisioning> provisioning) {
    return ScalingEngine.decide(
        new ScalingInput(
            T0,
            2,
            spec(1, 500, 10),
            signals,
            ScalingHistory.empty(),
            provisioning,
            Optional.empty()));
  }

  @Test
  void aBacklogIsNotANeedForOneReplicaPerTargetOfRequestsWaiting() {
    // a minute at 200 req/s on 2 replicas of 50: 6,000 requests wait
    Signals spike = Signals.queueAndArrivals(ok(6000), ok(200));
    assertThat(decide(spike, Optional.empty()).desiredReplicas())
        .as("the queue rule, capacity unknown")
        .isEqualTo(6); // the default behavior adds at most 4 per poll, on its way to 600
    assertThat(decide(spike, Optional.empty()).recommendedReplicas()).isEqualTo(600);
    Decision known = decide(spike, Optional.of(capacity(50, 75)));
    // the queue rule's 600, bounded by (200 + 6000 / 15) / 35 = 17.1: drained by the next poll
    assertThat(known.recommendedReplicas()).isEqualTo(18);
    assertThat(known.reason()).isEqualTo(Reason.QUEUE_DEPTH);
    assertThat(known.message())
        .startsWith("queue depth 6000 over target 10 per replica -> 600 replicas, bounded to 18")
        .contains("by draining the backlog within 15s");
  }

  @ParameterizedTest(name = "{0} req/s, queue {1}, at {2}: {3} {4}")
  @CsvSource({
    // the queue rule asks 300 / 35 = 9, bounded by (100 + 300 / 15) / 35 = 3.4
    "100, 300, 4, 4, QUEUE_DEPTH",
    // the demand rule's (100 + 60 / 75) / 35 = 2.9 is above the queue rule's 60 / 35 = 1.7
    "100, 60, 1, 3, DEMAND",
    // the demand rule holds 1 within tolerance; the queue rule's 6 is bounded to 1.2
    "30, 200, 1, 2, QUEUE_DEPTH",
    // the queue rule within tolerance of 4 x 35 leaves the demand rule's answer
    "100, 140, 4, 3, DEMAND"
  })
  void theQueueRulesQuickerAnswerIsTakenWhenItAsksForMoreUpToTheBound(
      double measured, double queue, int current, int replicas, Reason reason) {
    ScalingSpec spec = spec(1, 500, 35);
    Provisioning known = capacity(50, 75);
    Proposal demand = DemandRule.proposal(measured, queue, current, spec, known);
    Proposal taken = DemandRule.withQueueRule(demand, measured, queue, current, spec, known);
    assertThat(taken.replicas()).isEqualTo(replicas);
    assertThat(taken.reason()).isEqualTo(reason);
  }

  @Test
  void withoutAnArrivalRateQueryTheQueueRuleDecides() {
    Decision d = decide(Signals.queueOnly(ok(100)), Optional.of(capacity(50, 75)));
    assertThat(d.reason()).isEqualTo(Reason.QUEUE_DEPTH);
    assertThat(d.recommendedReplicas()).isEqualTo(10);
  }

  @Test
  void aFailedArrivalRateLetsTheQueueRuleOnlyRaise() {
    Decision up = decide(Signals.queueAndArrivals(ok(100), failed("timeout")), someCapacity());
    assertThat(up.desiredReplicas()).isEqualTo(6); // 10 asked, the default behavior adds 4
    assertThat(up.message()).contains("metrics unavailable (arrivalRate: timeout)");
    Decision hold = decide(Signals.queueAndArrivals(ok(5), failed("timeout")), someCapacity());
    assertThat(hold.desiredReplicas()).isEqualTo(2);
    assertThat(hold.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
  }

  @Test
  void aNegativeArrivalRateIsAFailedReading() {
    Decision d = decide(Signals.queueAndArrivals(ok(5), ok(-3)), someCapacity());
    assertThat(d.desiredReplicas()).isEqualTo(2);
    assertThat(d.message()).contains("arrivalRate: -3 req/s is negative");
  }

  @Test
  void aFailedQueueLetsTheRateAloneOnlyRaise() {
    Decision up = decide(Signals.queueAndArrivals(failed("timeout"), ok(200)), someCapacity());
    assertThat(up.recommendedReplicas()).isEqualTo(6);
    assertThat(up.reason()).isEqualTo(Reason.DEMAND);
    Decision hold = decide(Signals.queueAndArrivals(failed("timeout"), ok(10)), someCapacity());
    assertThat(hold.desiredReplicas()).isEqualTo(2);
    assertThat(hold.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
  }

  @Test
  void theForecastIsProvisionedAtTheSameUtilizationWithTheBacklog() {
    ForecastDemand forecast = new ForecastDemand(300, 350, Duration.ofSeconds(75), 50, 0.7, true);
    Decision d =
        ScalingEngine.decide(
            new ScalingInput(
                T0,
                2,
                spec(1, 500, 10),
                Signals.queueAndArrivals(ok(1500), ok(100)),
                ScalingHistory.empty(),
                someCapacity(),
                Optional.of(forecast)));
    // (350 + 1500 / 75) / 35 = 10.6
    assertThat(d.recommendedReplicas()).isEqualTo(11);
    assertThat(d.reason()).isEqualTo(Reason.FORECAST);
  }

  private static Optional<Provisioning> someCapacity() {
    return Optional.of(capacity(50, 75));
  }
}
