package io.scaledapi.operator.engine;

import static io.scaledapi.operator.engine.Fixtures.T0;
import static io.scaledapi.operator.engine.Fixtures.at;
import static io.scaledapi.operator.engine.Fixtures.failed;
import static io.scaledapi.operator.engine.Fixtures.queue;
import static io.scaledapi.operator.engine.Fixtures.signals;
import static io.scaledapi.operator.engine.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastDemandTest {

  static ForecastDemand forecast(double rate, double upper, double capacity, boolean enforce) {
    return new ForecastDemand(rate, upper, Duration.ofSeconds(75), capacity, 1.0, enforce);
  }

  @ParameterizedTest(name = "upper {0} at {1} per replica needs {2}")
  @CsvSource({
    "0, 50, 0",
    "1, 50, 1",
    "500, 50, 10",
    "500.0000001, 50, 10",
    "500.1, 50, 11",
    "548, 50, 11",
    "0.3, 0.25, 2",
    "1e300, 1e-300, 2147483647"
  })
  void replicasServeTheUpperBand(double upper, double capacity, int replicas) {
    assertThat(new ForecastDemand(0, upper, Duration.ofSeconds(60), capacity, 1.0, true).replicas())
        .isEqualTo(replicas);
  }

  @Test
  void describesWhatItNeeds() {
    assertThat(forecast(540.4, 548.2, 50, true).describe())
        .isEqualTo(
            "forecast 540 req/s in 75s needs 11 replicas at 50 req/s each (upper 548 req/s)");
    assertThat(forecast(0.42, 0.5, 12.5, true).describe())
        .isEqualTo(
            "forecast 0.42 req/s in 75s needs 1 replica at 12.5 req/s each (upper 0.5 req/s)");
  }

  @Test
  void rejectsImpossibleForecasts() {
    assertThatThrownBy(() -> forecast(10, 5, 50, true)).hasMessageContaining("rate <= upper");
    assertThatThrownBy(() -> forecast(Double.NaN, 5, 50, true)).hasMessageContaining("finite");
    assertThatThrownBy(() -> forecast(-1, 5, 50, true)).hasMessageContaining("0 <= rate");
    assertThatThrownBy(() -> forecast(1, 5, 0, true))
        .hasMessageContaining("capacityPerReplica must be a positive number");
  }

  @Test
  void anEnforcedForecastPreScales() {
    ScalingSpec spec = spec(1, 50, 10);
    Decision d =
        ScalingEngine.decide(
            new ScalingInput(
                T0,
                6,
                spec,
                queue(60),
                ScalingHistory.empty(),
                Optional.empty(),
                Optional.of(forecast(540, 548, 50, true))));
    assertThat(d.desiredReplicas()).isEqualTo(11);
    assertThat(d.reason()).isEqualTo(Reason.FORECAST);
    assertThat(d.message())
        .isEqualTo(
            "forecast 540 req/s in 75s needs 11 replicas at 50 req/s each (upper 548 req/s);"
                + " reactive signals ask for 6");
  }

  @Test
  void aForecastBelowTheReactiveAnswerChangesNothing() {
    ScalingSpec spec = spec(1, 50, 10);
    ScalingInput reactive = new ScalingInput(T0, 6, spec, queue(200), ScalingHistory.empty());
    ScalingInput withForecast =
        new ScalingInput(
            T0,
            6,
            spec,
            queue(200),
            ScalingHistory.empty(),
            Optional.empty(),
            Optional.of(forecast(40, 60, 50, true)));
    assertThat(ScalingEngine.decide(withForecast)).isEqualTo(ScalingEngine.decide(reactive));
  }

  @Test
  void forecastOnlyIsReportedNotActedOn() {
    ScalingInput input =
        new ScalingInput(
            T0,
            6,
            spec(1, 50, 10),
            queue(60),
            ScalingHistory.empty(),
            Optional.empty(),
            Optional.of(forecast(540, 548, 50, false)));
    Decision d = ScalingEngine.decide(input);
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.reason()).isNotEqualTo(Reason.FORECAST);
  }

  @Test
  void whenEverySignalFailedTheForecastDoesNotAct() {
    ScalingInput input =
        new ScalingInput(
            T0,
            6,
            spec(1, 50, 10),
            signals(failed("timeout"), null),
            ScalingHistory.empty(),
            Optional.empty(),
            Optional.of(forecast(540, 548, 50, true)));
    assertThat(ScalingEngine.decide(input).desiredReplicas()).isEqualTo(6);
  }

  @Test
  void aFallingForecastScalesInOnlyAfterTheScaleDownWindow() {
    ScalingSpec spec = spec(1, 50, 10);
    ScalingHistory history = ScalingHistory.empty();
    // pre-scaled to 11 by the forecast at T0, then the forecast drops to nothing
    Decision up =
        ScalingEngine.decide(
            new ScalingInput(
                T0,
                6,
                spec,
                queue(60),
                history,
                Optional.empty(),
                Optional.of(forecast(540, 548, 50, true))));
    assertThat(up.desiredReplicas()).isEqualTo(11);
    int current = 11;
    history = up.history();
    for (long s = 15; s < 300; s += 15) {
      Decision d =
          ScalingEngine.decide(
              new ScalingInput(
                  at(s),
                  current,
                  spec,
                  queue(60),
                  history,
                  Optional.empty(),
                  Optional.of(forecast(1, 2, 50, true))));
      assertThat(d.desiredReplicas()).as("at %ds", s).isEqualTo(11);
      history = d.history();
    }
    Decision after =
        ScalingEngine.decide(
            new ScalingInput(
                at(315),
                current,
                spec,
                queue(60),
                history,
                Optional.empty(),
                Optional.of(forecast(1, 2, 50, true))));
    assertThat(after.desiredReplicas()).isEqualTo(6);
  }
}
