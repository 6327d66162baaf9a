package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.operator.engine.Prediction;
import io.scaledapi.operator.forecast.Forecast;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The forecast as status reports it. */
final class ForecastReport {
  private ForecastReport() {}

  /** A forecast made, with the replicas it needs when the capacity is known. */
  static ForecastStatus of(Forecast f, LeadTime lead, Optional<Capacity> capacity, Instant now) {
    Integer replicas =
        capacity
            .map(
                c ->
                    new Prediction(f.rate(), f.upper(), lead.horizon(), c.perReplica(), false)
                        .replicas())
            .orElse(null);
    return new ForecastStatus(
        round(f.rate()),
        round(f.lower()),
        round(f.upper()),
        lead.horizon().toSeconds() + "s",
        now.truncatedTo(ChronoUnit.SECONDS).toString(),
        f.model(),
        f.recentError().isPresent() ? round(f.recentError().getAsDouble()) : null,
        replicas,
        capacity.map(c -> round(c.perReplica())).orElse(null),
        capacity.map(Capacity::source).orElse(null),
        lead.source());
  }

  /** No forecast yet: only the horizon it will look at. */
  static ForecastStatus waiting(LeadTime lead, Instant now) {
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
