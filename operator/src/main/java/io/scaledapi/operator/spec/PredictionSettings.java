package io.scaledapi.operator.spec;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code spec.prediction} parsed and checked.
 *
 * @param leadTime the given lead time; empty for {@code auto}
 * @param capacityPerReplica the given capacity; empty for {@code auto}
 */
public record PredictionSettings(
    Training training,
    Optional<Duration> leadTime,
    double confidence,
    OptionalDouble capacityPerReplica,
    boolean enforce) {

  static final Duration MIN_HISTORY = Duration.ofHours(1);
  static final Duration MAX_HISTORY = Duration.ofDays(90);
  static final Duration MIN_SEASON = Duration.ofHours(1);
  static final Duration MAX_SEASON = Duration.ofDays(28);
  static final Duration MAX_LEAD_TIME = Duration.ofHours(1);

  /**
   * What the forecaster is trained on; a change of any of it starts a new forecaster.
   *
   * @param prometheus where the history is read (null: the operator's default)
   */
  public record Training(
      String query, Duration history, Duration seasonLength, PrometheusSpec prometheus) {}

  /** Parses an enabled {@code spec.prediction}, adding a problem per bad field. */
  static Optional<PredictionSettings> parse(ScaledApiSpec spec, List<String> problems) {
    Optional<PredictionSpec> active = spec.activePrediction();
    if (active.isEmpty()) {
      return Optional.empty();
    }
    PredictionSpec p = active.get();
    int before = problems.size();
    if (spec.arrivalRate() == null
        || spec.arrivalRate().query() == null
        || spec.arrivalRate().query().isBlank()) {
      problems.add(
          "spec.prediction needs spec.arrivalRate.query: give a PromQL query for requests per"
              + " second, e.g. sum(rate(api_requests_arrived_total[1m]))");
    }
    Optional<Duration> leadTime = leadTime(p.leadTimeOrDefault(), problems);
    Duration history =
        span("spec.prediction.history", p.historyOrDefault(), MIN_HISTORY, MAX_HISTORY, problems);
    Duration season =
        span(
            "spec.prediction.seasonLength",
            p.seasonLengthOrDefault(),
            MIN_SEASON,
            MAX_SEASON,
            problems);
    double confidence = p.confidenceOrDefault();
    if (!(confidence >= 0.5 && confidence <= 0.999)) {
      problems.add(
          "spec.prediction.confidence must be between 0.5 and 0.999, e.g. 0.9; got " + confidence);
    }
    OptionalDouble capacity = capacity(p.capacityPerReplica(), problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new PredictionSettings(
            new Training(spec.arrivalRate().query(), history, season, spec.prometheus()),
            leadTime,
            confidence,
            capacity,
            p.modeOrDefault() == PredictionMode.ENFORCE));
  }

  private static Optional<Duration> leadTime(String text, List<String> problems) {
    if (PredictionSpec.AUTO.equals(text)) {
      return Optional.empty();
    }
    try {
      Duration d = Durations.parse(text);
      if (d.isZero() || d.compareTo(MAX_LEAD_TIME) > 0) {
        problems.add(
            "spec.prediction.leadTime must be auto or between 1s and 1h, e.g. 90s; got " + text);
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      problems.add("spec.prediction.leadTime must be auto or a duration: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Duration span(
      String field, String text, Duration min, Duration max, List<String> problems) {
    try {
      Duration d = Durations.parseLong(text);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        problems.add(
            field
                + " must be between "
                + min.toHours()
                + "h and "
                + max.toDays()
                + "d; got "
                + text);
      }
      return d;
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return min;
    }
  }

  private static OptionalDouble capacity(IntOrString given, List<String> problems) {
    if (given == null
        || (given.getStrVal() != null && PredictionSpec.AUTO.equals(given.getStrVal()))) {
      return OptionalDouble.empty();
    }
    double value;
    if (given.getIntVal() != null) {
      value = given.getIntVal();
    } else {
      try {
        value = Double.parseDouble(given.getStrVal());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      problems.add(
          "spec.prediction.capacityPerReplica must be auto or a positive number of requests per"
              + " second, e.g. 50; got "
              + (given.getIntVal() != null ? given.getIntVal() : given.getStrVal()));
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }
}
