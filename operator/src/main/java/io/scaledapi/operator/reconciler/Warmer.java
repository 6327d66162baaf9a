package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.HistoryLoader;
import io.scaledapi.operator.prometheus.MetricsSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads a ScaledApi's arrival-rate history from Prometheus with range queries and trains its
 * forecaster on it, so that prediction helps from the first reconcile when Prometheus already holds
 * the history.
 */
final class Warmer {
  /** Below Prometheus's limit of 11,000 points per series in one query. */
  static final int MAX_POINTS_PER_QUERY = 10_000;

  /** The finest step read; coarser for long histories so one warm start stays bounded. */
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

  void warm(ScaledApi scaledApi, PredictionState state, Instant now) {
    PredictionSettings.Training training = state.training();
    MetricsSource source;
    try {
      source = sources.sourceFor(scaledApi);
    } catch (MetricsSources.SourceConfigurationException e) {
      state.warmAttempted(now, false, "history could not be read: " + e.getMessage());
      return;
    }
    Duration step = step(training.history());
    HistoryLoader.History history =
        loader.load(source, training.query(), now.minus(training.history()), now, step);
    for (HistoryLoader.HistoryPoint point : history.points()) {
      state.forecaster().observe(point.time(), point.value());
    }
    String read =
        history.points().size()
            + " points of arrival-rate history at "
            + step.toSeconds()
            + "s steps in "
            + history.queries()
            + (history.queries() == 1 ? " query" : " queries");
    if (history.failure().isPresent()) {
      state.warmAttempted(
          now,
          false,
          "history read stopped after "
              + read
              + ": "
              + history.failure().get()
              + "; retrying in "
              + Predictor.WARM_RETRY.toMinutes()
              + "m and learning from live samples meanwhile");
    } else {
      state.warmAttempted(now, true, "warmed from " + read);
    }
  }
}
