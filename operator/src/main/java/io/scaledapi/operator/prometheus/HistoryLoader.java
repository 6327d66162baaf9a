package io.scaledapi.operator.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads the history of one series, such as the arrival rate to warm a forecaster from, with range
 * queries small enough for Prometheus.
 *
 * <p>Prometheus refuses a range query that would return more than {@value #PROMETHEUS_MAX_POINTS}
 * points per series, so a long range at a fine step is split into consecutive queries of at most
 * {@code maxPointsPerQuery} points each. The queries evaluate at {@code from}, {@code from + step},
 * {@code from + 2 * step} and so on, without overlap or gap. Nothing is thrown for a failed query:
 * loading stops there and the points loaded so far come back with the reason.
 */
public final class HistoryLoader {

  /** The most points per series Prometheus returns for one range query. */
  public static final int PROMETHEUS_MAX_POINTS = 11_000;

  /** The limit used by {@link #HistoryLoader()}, leaving a margin below Prometheus's own. */
  public static final int DEFAULT_MAX_POINTS = 10_000;

  /**
   * What was loaded.
   *
   * @param points the finite values found, in time order, without duplicate times
   * @param queries how many range queries were sent, including a failed one
   * @param failure why loading stopped before the end of the range, naming the query that failed
   *     and its time range; empty when the whole range was loaded
   */
  public record History(List<HistoryPoint> points, int queries, Optional<String> failure) {

    /** Copies the points. */
    public History {
      points = List.copyOf(points);
      Objects.requireNonNull(failure, "failure");
      if (queries < 0) {
        throw new IllegalArgumentException("negative number of queries: " + queries);
      }
    }

    /** Whether the whole range was loaded. */
    public boolean complete() {
      return failure.isEmpty();
    }

    /** The time from the first point to the last; zero with fewer than two points. */
    public Duration span() {
      return points.size() < 2
          ? Duration.ZERO
          : Duration.between(points.get(0).time(), points.get(points.size() - 1).time());
    }
  }

  /** One finite value of a loaded history, such as requests per second at {@code time}. */
  public record HistoryPoint(Instant time, double value) {

    /** Requires a time and a finite value. */
    public HistoryPoint {
      Objects.requireNonNull(time, "time");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("not a finite value: " + value);
      }
    }
  }

  private static final String ONE_SERIES = "it must return one series; wrap it in sum()";

  private final int maxPointsPerQuery;

  /** A loader that asks for at most {@value #DEFAULT_MAX_POINTS} points per query. */
  public HistoryLoader() {
    this(DEFAULT_MAX_POINTS);
  }

  /** A loader that asks for at most {@code maxPointsPerQuery} points per query. */
  public HistoryLoader(int maxPointsPerQuery) {
    if (maxPointsPerQuery < 1 || maxPointsPerQuery > PROMETHEUS_MAX_POINTS) {
      throw new IllegalArgumentException(
          "maxPointsPerQuery must be between 1 and "
              + PROMETHEUS_MAX_POINTS
              + ": "
              + maxPointsPerQuery);
    }
    this.maxPointsPerQuery = maxPointsPerQuery;
  }

  /**
   * Loads {@code query}, which must return one series, at every {@code step} from {@code from} to
   * {@code to} (both truncated to milliseconds, as Prometheus reads them). NaN and infinite values
   * are left out.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or {@code step} is not a
   *     positive whole number of milliseconds
   */
  public History load(MetricsSource source, String query, Instant from, Instant to, Duration step) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(query, "query");
    Instant start = from.truncatedTo(ChronoUnit.MILLIS);
    Instant end = to.truncatedTo(ChronoUnit.MILLIS);
    checkRange(start, end, step);
    long totalPoints = Duration.between(start, end).dividedBy(step) + 1;
    long plannedQueries = (totalPoints + maxPointsPerQuery - 1) / maxPointsPerQuery;
    Collected collected = new Collected();
    int queries = 0;
    Instant chunkStart = start;
    while (!chunkStart.isAfter(end)) {
      Instant chunkEnd = min(chunkStart.plus(step.multipliedBy(maxPointsPerQuery - 1L)), end);
      queries++;
      RangeResult result = ask(source, query, chunkStart, chunkEnd, step);
      Optional<String> problem = collected.add(result, chunkStart, chunkEnd);
      if (problem.isPresent()) {
        String where =
            "loading history stopped at range query %d of %d (%s to %s): "
                .formatted(queries, plannedQueries, chunkStart, chunkEnd);
        return new History(collected.points(), queries, Optional.of(where + problem.get()));
      }
      chunkStart = chunkStart.plus(step.multipliedBy(maxPointsPerQuery));
    }
    return new History(collected.points(), queries, Optional.empty());
  }

  private static RangeResult ask(
      MetricsSource source, String query, Instant start, Instant end, Duration step) {
    try {
      RangeResult result = source.queryRange(query, start, end, step);
      return result != null
          ? result
          : new RangeResult.Failure(FailureKind.BAD_RESPONSE, 0, null, "no result");
    } catch (RuntimeException e) {
      return new RangeResult.Failure(FailureKind.BAD_RESPONSE, 0, null, e.toString());
    }
  }

  private static void checkRange(Instant from, Instant to, Duration step) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "step must be a positive whole number of milliseconds: " + step);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The points gathered so far, and the labels of the one series they come from. */
  private static final class Collected {
    private final List<HistoryPoint> points = new ArrayList<>();
    private Map<String, String> labels;

    List<HistoryPoint> points() {
      return points;
    }

    /**
     * Adds the finite samples of one chunk that lie in it and after the points already held;
     * returns why the chunk cannot be used, if it cannot.
     */
    Optional<String> add(RangeResult result, Instant chunkStart, Instant chunkEnd) {
      if (result instanceof RangeResult.Failure failure) {
        return Optional.of(failure.describe());
      }
      List<RangeSeries> series = ((RangeResult.Series) result).series();
      if (series.size() > 1) {
        return Optional.of("query returned " + series.size() + " series; " + ONE_SERIES);
      }
      if (series.isEmpty()) {
        return Optional.empty();
      }
      RangeSeries only = series.get(0);
      if (labels != null && !labels.equals(only.labels())) {
        return Optional.of(
            "query returned series "
                + ResponseText.cut(only.labels().toString())
                + " after "
                + ResponseText.cut(labels.toString())
                + "; "
                + ONE_SERIES);
      }
      labels = only.labels();
      for (Sample sample : only.samples()) {
        Instant time = sample.timestamp();
        boolean inChunk = !time.isBefore(chunkStart) && !time.isAfter(chunkEnd);
        boolean isNew = points.isEmpty() || time.isAfter(points.get(points.size() - 1).time());
        if (inChunk && isNew && Double.isFinite(sample.value())) {
          points.add(new HistoryPoint(time, sample.value()));
        }
      }
      return Optional.empty();
    }
  }
}
