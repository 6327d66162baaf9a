package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.operator.autoscaler.ForecastOutcome;
import io.scaledapi.operator.autoscaler.LeadTime;
import io.scaledapi.operator.engine.ForecastDemand;
import io.scaledapi.operator.engine.Provisioning;
import io.scaledapi.operator.forecast.Forecast;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** What prediction contributed to a poll, as status and the PredictionReady condition report it. */
final class ForecastReport {
  private ForecastReport() {}

  /** The forecast status; {@code null} while prediction is off. */
  static ForecastStatus status(ForecastOutcome outcome, Instant now) {
    if (outcome instanceof ForecastOutcome.NotReady notReady) {
      return waiting(notReady.lead(), now);
    } else if (outcome instanceof ForecastOutcome.CapacityUnknown unknown) {
      return made(unknown.forecast(), unknown.lead(), Optional.empty(), now);
    } else if (outcome instanceof ForecastOutcome.Ready ready) {
      return made(ready.forecast(), ready.lead(), Optional.of(ready), now);
    }
    return null;
  }

  /** PredictionReady; empty while prediction is off. */
  static Optional<Conditions.Wanted> condition(ForecastOutcome outcome) {
    if (outcome instanceof ForecastOutcome.NotReady notReady) {
      return Optional.of(
          notReady(
              "InsufficientHistory",
              notReady.why() + notReady.warmUp().map(n -> "; " + n).orElse("")));
    } else if (outcome instanceof ForecastOutcome.CapacityUnknown unknown) {
      return Optional.of(
          notReady(
              "CapacityUnknown",
              "capacityPerReplica is auto and not learned yet: "
                  + unknown.why()
                  + "; the forecast is reported but not acted on. Set"
                  + " spec.prediction.capacityPerReplica to act now"));
    } else if (outcome instanceof ForecastOutcome.Ready ready) {
      ForecastDemand demand = ready.asks();
      String quality = quality(ready.forecast());
      return Optional.of(
          demand.enforce()
              ? new Conditions.Wanted(
                  Conditions.PREDICTION_READY,
                  true,
                  "Forecasting",
                  "provisioning for " + demand.describe() + "; " + quality)
              : new Conditions.Wanted(
                  Conditions.PREDICTION_READY,
                  true,
                  "ForecastOnly",
                  "spec.prediction.mode is ForecastOnly, reporting only: "
                      + demand.describe()
                      + "; "
                      + quality));
    }
    return Optional.empty();
  }

  private static Conditions.Wanted notReady(String reason, String message) {
    return new Conditions.Wanted(Conditions.PREDICTION_READY, false, reason, message);
  }

  /** A forecast made, with the replicas it needs when the capacity is known. */
  private static ForecastStatus made(
      Forecast f, LeadTime lead, Optional<ForecastOutcome.Ready> ready, Instant now) {
    Optional<Provisioning> capacity = ready.map(ForecastOutcome.Ready::provisioning);
    return new ForecastStatus(
        round(f.rate()),
        round(f.lower()),
        round(f.upper()),
        lead.horizon().toSeconds() + "s",
        now.truncatedTo(ChronoUnit.SECONDS).toString(),
        f.model(),
        f.recentError().isPresent() ? round(f.recentError().getAsDouble()) : null,
        ready.map(r -> r.asks().replicas()).orElse(null),
        capacity.map(c -> round(c.capacityPerReplica())).orElse(null),
        capacity.map(Provisioning::source).orElse(null),
        lead.source());
  }

  /** No forecast yet: only the horizon it will look at. */
  private static ForecastStatus waiting(LeadTime lead, Instant now) {
    return new ForecastStatus(
        null,
        null,
        null,
        lead.horizon().toSeconds() + "s",
        now.truncatedTo(ChronoUnit.SECONDS).toString(),
        null,
        null,
        null,
        null,
        null,
        lead.source());
  }

  /** "model seasonal 0.6 + trend 0.4, recent error 12%". */
  static String quality(Forecast f) {
    String error =
        f.recentError().isPresent()
            ? String.format(Locale.ROOT, "recent error %.0f%%", 100 * f.recentError().getAsDouble())
            : "recent error not measured yet";
    return "model " + f.model() + ", " + error;
  }

  /** Three decimals: enough for requests per second, and a status that does not churn. */
  private static double round(double value) {
    return Math.rint(value * 1000) / 1000;
  }
}
