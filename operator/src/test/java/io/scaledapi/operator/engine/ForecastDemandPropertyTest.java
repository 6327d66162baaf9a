package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.ok;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static io.scaledapi.operator.engine.Fixtures.withFallback;
import static io.scaledapi.operator.engine.Fixtures.withLatency;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Runs random traffic through the engine twice, with and without a forecast, step by step, and
 * checks the promises prediction makes. Each repetition has its own seed, printed on failure.
 */
class ForecastDemandPropertyTest {

  @RepeatedTest(200)
  void predictionOnlyEverRaisesAndStaysInBounds(RepetitionInfo info) {
    long seed = 7919L * info.getCurrentRepetition();
    Random random = new Random(seed);
    int min = 1 + random.nextInt(5);
    int max = min + random.nextInt(60);
    ScalingSpec spec = spec(min, max, 1 + random.nextInt(20));
    if (random.nextBoolean()) {
      spec = withLatency(spec, 0.05 + random.nextDouble());
    }
    if (random.nextBoolean()) {
      spec = withFallback(spec, 1 + random.nextInt(3), random.nextInt(max + 5));
    }
    int start = random.nextInt(max + 3);
    ScalingHistory reactiveHistory = ScalingHistory.empty();
    ScalingHistory predictiveHistory = ScalingHistory.empty();
    ScalingHistory forecastOnlyHistory = ScalingHistory.empty();
    int reactiveCurrent = start;
    int predictiveCurrent = start;
    int forecastOnlyCurrent = start;
    for (int step = 0; step < 80; step++) {
      Instant now = T0.plusSeconds(15L * step);
      Signals signals = randomSignals(random, spec);
      ForecastDemand forecast = randomForecast(random);
      // the same inputs and history: prediction never lowers the answer
      Decision reactive =
          ScalingEngine.decide(
              new ScalingInput(now, predictiveCurrent, spec, signals, predictiveHistory));
      Decision predictive =
          ScalingEngine.decide(
              new ScalingInput(
                  now,
                  predictiveCurrent,
                  spec,
                  signals,
                  predictiveHistory,
                  Optional.empty(),
                  Optional.of(forecast)));
      String where = "seed " + seed + ", step " + step;
      assertThat(predictive.desiredReplicas())
          .as(where)
          .isGreaterThanOrEqualTo(reactive.desiredReplicas());
      assertThat(predictive.desiredReplicas()).as(where).isBetween(min, max);
      // ForecastOnly decides exactly as without prediction, all along the run
      Decision forecastOnly =
          ScalingEngine.decide(
              new ScalingInput(
                  now,
                  forecastOnlyCurrent,
                  spec,
                  signals,
                  forecastOnlyHistory,
                  Optional.empty(),
                  Optional.of(reportOnly(forecast))));
      Decision alone =
          ScalingEngine.decide(
              new ScalingInput(now, reactiveCurrent, spec, signals, reactiveHistory));
      assertThat(forecastOnly).as(where).isEqualTo(alone);
      predictiveHistory = predictive.history();
      predictiveCurrent = predictive.desiredReplicas();
      forecastOnlyHistory = forecastOnly.history();
      forecastOnlyCurrent = forecastOnly.desiredReplicas();
      reactiveHistory = alone.history();
      reactiveCurrent = alone.desiredReplicas();
    }
  }

  private static Signals randomSignals(Random random, ScalingSpec spec) {
    SignalReading queue =
        random.nextInt(10) == 0 ? failed("timeout") : ok(random.nextDouble() * 500);
    SignalReading latency =
        spec.latencyTargetSeconds().isEmpty()
            ? null
            : random.nextInt(10) == 0 ? failed("refused") : ok(random.nextDouble() * 2);
    return signals(queue, latency);
  }

  private static ForecastDemand randomForecast(Random random) {
    double rate = random.nextDouble() * 2000;
    double upper = rate * (1 + random.nextDouble());
    return new ForecastDemand(
        rate,
        upper,
        Duration.ofSeconds(30 + random.nextInt(120)),
        5 + random.nextInt(100),
        0.5 + random.nextDouble() / 2,
        true);
  }

  private static ForecastDemand reportOnly(ForecastDemand p) {
    return new ForecastDemand(
        p.rate(), p.upper(), p.horizon(), p.capacityPerReplica(), p.targetUtilization(), false);
  }
}
