package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.operator.autoscaler.ForecastOutcome;
import io.scaledapi.operator.autoscaler.LeadTime;
import io.scaledapi.operator.engine.ForecastDemand;
import io.scaledapi.operator.engine.Provisioning;
import io.scaledapi.operator.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What each state of prediction shows in status and in the PredictionReady condition. */
class ForecastReportTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00.700Z");
  static final LeadTime LEAD = new LeadTime(Duration.ofSeconds(75), "Learned");
  static final Forecast FORECAST =
      new Forecast(
          NOW.plusSeconds(75),
          Duration.ofSeconds(75),
          540.1234,
          500,
          548,
          "seasonal 0.6 + trend 0.4",
          OptionalDouble.of(0.12));

  @Test
  void predictionOffReportsNothing() {
    assertThat(ForecastReport.status(new ForecastOutcome.Off(), NOW)).isNull();
    assertThat(ForecastReport.condition(new ForecastOutcome.Off())).isEmpty();
  }

  @Test
  void noForecastYetReportsTheHorizonAndWhatTheWarmUpDid() {
    ForecastOutcome waiting =
        new ForecastOutcome.NotReady(
            LEAD, "needs 10 more minutes of samples", Optional.of("Prometheus is down"));

    ForecastStatus status = ForecastReport.status(waiting, NOW);
    assertThat(status.rate()).isNull();
    assertThat(status.horizon()).isEqualTo("75s");
    assertThat(status.leadTimeSource()).isEqualTo("Learned");
    assertThat(status.time()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(ForecastReport.condition(waiting))
        .contains(
            new Conditions.Wanted(
                Conditions.PREDICTION_READY,
                false,
                "InsufficientHistory",
                "needs 10 more minutes of samples; Prometheus is down"));
  }

  @Test
  void anUnknownCapacityReportsTheForecastButNoReplicas() {
    ForecastOutcome unknown = new ForecastOutcome.CapacityUnknown(FORECAST, LEAD, "too few polls");

    ForecastStatus status = ForecastReport.status(unknown, NOW);
    assertThat(status.rate()).isEqualTo(540.123);
    assertThat(status.replicas()).isNull();
    assertThat(status.capacityPerReplica()).isNull();
    assertThat(ForecastReport.condition(unknown).orElseThrow().reason())
        .isEqualTo("CapacityUnknown");
    assertThat(ForecastReport.condition(unknown).orElseThrow().message())
        .startsWith("capacityPerReplica is auto and not learned yet: too few polls;");
  }

  @Test
  void aReadyForecastReportsTheReplicasItNeedsAndWhetherItIsActedOn() {
    Provisioning capacity =
        new Provisioning(
            50, "Spec", Duration.ofSeconds(75), Duration.ofSeconds(15), OptionalDouble.empty());
    ForecastDemand enforced =
        new ForecastDemand(540.1234, 548, Duration.ofSeconds(75), 50, 0.7, true);
    ForecastDemand reported =
        new ForecastDemand(540.1234, 548, Duration.ofSeconds(75), 50, 0.7, false);

    ForecastOutcome acted = new ForecastOutcome.Ready(FORECAST, LEAD, capacity, enforced);
    ForecastStatus status = ForecastReport.status(acted, NOW);
    assertThat(status.replicas()).isEqualTo(16); // 548 / 35
    assertThat(status.capacityPerReplica()).isEqualTo(50);
    assertThat(status.capacitySource()).isEqualTo("Spec");
    assertThat(ForecastReport.condition(acted).orElseThrow())
        .isEqualTo(
            new Conditions.Wanted(
                Conditions.PREDICTION_READY,
                true,
                "Forecasting",
                "provisioning for "
                    + enforced.describe()
                    + "; model seasonal 0.6 + trend 0.4, recent error 12%"));
    assertThat(
            ForecastReport.condition(new ForecastOutcome.Ready(FORECAST, LEAD, capacity, reported))
                .orElseThrow()
                .reason())
        .isEqualTo("ForecastOnly");
  }
}
