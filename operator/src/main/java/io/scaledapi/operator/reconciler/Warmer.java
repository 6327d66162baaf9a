package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.autoscaler.Autoscaler;
import io.scaledapi.operator.prometheus.HistoryLoader;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.spec.ScaledApiSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a ScaledApi's arrival-rate history from Prometheus with range queries and hands it to its
 * autoscaler, so that prediction helps from the first reconcile when Prometheus already holds the
 * history.
 */
final class Warmer {
  /** Below Prometheus's limit of 11,000 points per series in one query. */
  static final int MAX_POINTS_PER_QUERY = 10_000;

  /** The finest step read; coarser for long histories so one warm-up stays bounded. */
  static final Duration MIN_STEP = Duration.ofSeconds(60);

  static final long MAX_POINTS = 20_000;

  private final MetricsSources sources;
  private final HistoryLoader loader;

  Warmer(MetricsSources sources, HistoryLoader loader) {
    this.sources = sources;
    this.loader = loader;
  }

  Warmer(MetricsSources sources) {
    this(sources, new HistoryLoader(MAX_POINTS_PER_QUERY));
  }

  static Duration step(Duration history) {
    long seconds = (history.toSeconds() + MAX_POINTS - 1) / MAX_POINTS;
    return seconds <= MIN_STEP.toSeconds() ? MIN_STEP : Duration.ofSeconds(seconds);
  }

  /** Reads the history the settings' prediction trains on and hands it to {@code autoscaler}. */
  void warmUp(ScaledApi scaledApi, Autoscaler autoscaler, ScaledApiSettings settings, Instant now) {
    Duration span = settings.prediction().orElseThrow().training().history();
    String query = settings.queries().arrivalRate().orElseThrow();
    MetricsSource source;
    try {
      source = sources.sourceFor(scaledApi);
    } catch (MetricsSources.SourceConfigurationException e) {
      autoscaler.warmUp(
          settings, now, List.of(), false, "history could not be read: " + e.getMessage());
      return;
    }
    Duration step = step(span);
    HistoryLoader.History history = loader.load(source, query, now.minus(span), now, step);
    List<Autoscaler.RatePoint> points =
        history.points().stream().map(p -> new Autoscaler.RatePoint(p.time(), p.value())).toList();
    String read =
        history.points().size()
            + " points of arrival-rate history at "
            + step.toSeconds()
            + "s steps in "
            + history.queries()
            + (history.queries() == 1 ? " query" : " queries");
    if (history.failure().isPresent()) {
      autoscaler.warmUp(
          settings,
          now,
          points,
          false,
          "history read stopped after "
              + read
              + ": "
              + history.failure().get()
              + "; retrying in "
              + Autoscaler.WARM_UP_RETRY.toMinutes()
              + "m and learning from live samples meanwhile");
    } else {
      autoscaler.warmUp(settings, now, points, true, "warmed from " + read);
    }
  }
}
